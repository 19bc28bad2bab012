package dev.messer.output;

/** Renders one decrypted item as text for standard output (the whole text, ending with a newline). */
public interface ItemFormatter {

    String render(DecryptedItem item);
}
