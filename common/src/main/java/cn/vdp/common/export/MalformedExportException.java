package cn.vdp.common.export;

/** The upload is not a readable export (not a zip, no manifest, not this platform's manifest), or is too large to check. */
public class MalformedExportException extends RuntimeException {

    private final boolean tooLarge;

    public MalformedExportException(String message) {
        this(message, false);
    }

    public MalformedExportException(String message, boolean tooLarge) {
        super(message, null, false, false);
        this.tooLarge = tooLarge;
    }

    public boolean tooLarge() {
        return tooLarge;
    }
}
