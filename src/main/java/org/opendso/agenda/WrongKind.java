package org.opendso.agenda;

/** The action exists but is not of the kind the request is for (a letter asked of a call). */
public class WrongKind extends InvalidAction {

    public WrongKind(PlannedAction action, String expected) {
        super("kind", "Action " + action.id() + " is " + article(action.kind()) + " " + action.kind() + ", not "
                + article(expected) + " " + expected);
    }

    private static String article(String kind) {
        return kind != null && !kind.isEmpty() && "AEIOU".indexOf(kind.charAt(0)) >= 0 ? "an" : "a";
    }
}
