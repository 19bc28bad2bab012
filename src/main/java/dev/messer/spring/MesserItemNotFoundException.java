package dev.messer.spring;

import org.springframework.boot.context.config.ConfigDataResourceNotFoundException;

/**
 * The imported item or its bag does not exist: {@code optional:messer:...} skips the import, a
 * required import stops start-up with {@link #getMessage()}, one line naming the item, the profile
 * and the fix.
 */
public class MesserItemNotFoundException extends ConfigDataResourceNotFoundException {

    private final String message;

    MesserItemNotFoundException(MesserConfigDataResource resource, String message, Throwable cause) {
        super(resource, cause);
        this.message = message;
    }

    @Override
    public String getMessage() {
        return message;
    }
}
