package dev.messer.crypto;

import dev.messer.error.InvalidInputException;
import dev.messer.names.Names;

/** The two envelope formats: "1" as Adobe's Messer writes it, "2" with a 12-byte nonce and bound AAD. */
public enum EnvelopeVersion {
    V1("1", 32),
    V2("2", 12);

    private final String wire;
    private final int nonceBytes;

    EnvelopeVersion(String wire, int nonceBytes) {
        this.wire = wire;
        this.nonceBytes = nonceBytes;
    }

    public String wire() {
        return wire;
    }

    public int nonceBytes() {
        return nonceBytes;
    }

    public static EnvelopeVersion fromWire(String wire) {
        for (EnvelopeVersion v : values()) {
            if (v.wire.equals(wire)) {
                return v;
            }
        }
        throw new InvalidInputException("unknown envelope version '" + Names.printable(wire)
                + "' (this tool reads 1 and 2)");
    }

    /** From the {@code item_format} setting: 1 or 2. */
    public static EnvelopeVersion fromItemFormat(int itemFormat) {
        return switch (itemFormat) {
            case 1 -> V1;
            case 2 -> V2;
            default -> throw new InvalidInputException("item_format must be 1 or 2, not " + itemFormat);
        };
    }
}
