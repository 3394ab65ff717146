package org.opendso.ui;

import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import java.util.List;

/** The upload component's own texts (file list, errors, progress) in the page's language. */
public final class UploadTexts {

    private UploadTexts() {
    }

    public static void apply(Upload upload) {
        UploadI18N i18n = new UploadI18N()
                .setDropFiles(new UploadI18N.DropFiles().setOne(t(upload, "upload.drop")).setMany(t(upload, "upload.drop")))
                .setAddFiles(new UploadI18N.AddFiles().setOne(t(upload, "upload.add")).setMany(t(upload, "upload.add")))
                .setError(new UploadI18N.Error()
                        .setTooManyFiles(t(upload, "upload.error.too-many"))
                        .setFileIsTooBig(t(upload, "upload.error.too-big"))
                        .setIncorrectFileType(t(upload, "upload.error.type")))
                .setUploading(new UploadI18N.Uploading()
                        .setStatus(new UploadI18N.Uploading.Status()
                                .setConnecting(t(upload, "upload.status.connecting"))
                                .setStalled(t(upload, "upload.status.stalled"))
                                .setProcessing(t(upload, "upload.status.processing"))
                                .setHeld(t(upload, "upload.status.held")))
                        .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                                .setPrefix(t(upload, "upload.remaining"))
                                .setUnknown(t(upload, "upload.remaining.unknown")))
                        .setError(new UploadI18N.Uploading.Error()
                                .setServerUnavailable(t(upload, "upload.error.server"))
                                .setUnexpectedServerError(t(upload, "upload.error.server"))
                                .setForbidden(t(upload, "upload.error.forbidden"))
                                .setFileTooLarge(t(upload, "upload.error.too-big"))))
                .setFile(new UploadI18N.File()
                        .setRetry(t(upload, "upload.retry"))
                        .setStart(t(upload, "upload.start"))
                        .setRemove(t(upload, "upload.remove")))
                .setUnits(List.of("B", "kB", "MB", "GB", "TB"));
        upload.setI18n(i18n);
    }

    private static String t(Upload upload, String key) {
        return upload.getTranslation(key);
    }
}
