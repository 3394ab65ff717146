package org.opendso.importer;

/**
 * The key hashes seen so far in a file, in an open-addressing table of primitive longs (8 bytes a line
 * instead of a String and a map entry): a million lines cost 16 MB, and the exact duplicate check in SQL runs
 * only when two hashes collide, which with 64 bits means a real duplicate.
 */
final class KeyHashes {

    private long[] table = new long[1 << 12];
    private int size;

    /** Adds the hash; false when it was already there. */
    boolean add(long hash) {
        long h = hash == 0 ? 1 : hash; // 0 marks an empty slot
        if (size * 2 >= table.length) {
            grow();
        }
        int mask = table.length - 1;
        int i = (int) mix(h) & mask;
        while (table[i] != 0) {
            if (table[i] == h) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = h;
        size++;
        return true;
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        int mask = table.length - 1;
        for (long h : old) {
            if (h != 0) {
                int i = (int) mix(h) & mask;
                while (table[i] != 0) {
                    i = (i + 1) & mask;
                }
                table[i] = h;
            }
        }
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        return h ^ (h >>> 33);
    }
}
