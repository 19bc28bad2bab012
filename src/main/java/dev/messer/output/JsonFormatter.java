package dev.messer.output;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;


/** Messer's decrypted view as JSON: compact on one line ({@code json}) or indented ({@code pretty}). */
final class JsonFormatter implements ItemFormatter {

    /** Null for compact output, which is the element's own JSON, as Messer printed it. */
    private final Gson gson;

    JsonFormatter(boolean pretty) {
        this.gson = pretty ? new GsonBuilder().disableHtmlEscaping().serializeNulls().setPrettyPrinting().create() : null;
    }

    @Override
    public String render(DecryptedItem item) {
        return (gson == null ? item.view().toString() : gson.toJson(item.view())) + "\n";
    }
}
