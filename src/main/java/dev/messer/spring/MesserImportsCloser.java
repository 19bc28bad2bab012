package dev.messer.spring;

import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.PropertySource;

/**
 * Closes the messer clients of an application run once it has started or failed: values are read
 * at start-up, so no data key stays in memory after it. Registered in {@code META-INF/spring.factories}.
 */
public final class MesserImportsCloser implements ApplicationListener<SpringApplicationEvent> {

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        ConfigurableApplicationContext context;
        if (event instanceof ApplicationReadyEvent ready) {
            context = ready.getApplicationContext();
        } else if (event instanceof ApplicationFailedEvent failed) {
            context = failed.getApplicationContext();
        } else {
            return;
        }
        if (context == null) {
            return;
        }
        for (PropertySource<?> source : context.getEnvironment().getPropertySources()) {
            if (source instanceof MesserPropertySource messer) {
                messer.imports().close();
            }
        }
    }
}
