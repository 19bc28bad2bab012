package dev.messer.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messer.regions.FailoverBlobStore;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The one forwarding base: over the in-memory store it honours the whole contract (so every method
 * reaches the store behind it), it forwards every abstract method of {@link BlobStore}, and the
 * stores that sit in front of another are built on it rather than forwarding by hand.
 */
class ForwardingBlobStoreTest extends BlobStoreContract {

    private final BlobStore store = new ForwardingBlobStore(new MemoryBlobStore());

    @Override
    protected BlobStore store() {
        return store;
    }

    @Test
    void everyAbstractMethodOfTheStorePort_isForwardedHere() throws NoSuchMethodException {
        List<Method> abstractMethods = Arrays.stream(BlobStore.class.getMethods())
                .filter(m -> Modifier.isAbstract(m.getModifiers())).toList();
        assertThat(abstractMethods).isNotEmpty();
        for (Method m : abstractMethods) {
            assertThat(ForwardingBlobStore.class.getDeclaredMethod(m.getName(), m.getParameterTypes()))
                    .as(m.getName()).isNotNull();
        }
    }

    @Test
    void aListingHandedOutKeyByKey_isForwarded_andNeverTakenWhole() {
        MemoryBlobStore memory = new MemoryBlobStore();
        memory.put("t/a", new byte[0], Map.of());
        memory.put("t/b", new byte[0], Map.of());
        StreamedListingStore streamed = new StreamedListingStore(memory, "t/");
        List<String> keys = new ArrayList<>();
        new ForwardingBlobStore(streamed).forEachKey("t/", key -> keys.add(key) && keys.isEmpty());
        assertThat(keys).containsExactly("t/a");
        assertThat(streamed.handedOut()).isEqualTo(1);
    }

    @Test
    void theStoresInFrontOfAnother_areBuiltOnTheForwardingBase() throws ClassNotFoundException {
        Class<?> lastKnownGood = Class.forName("dev.messer.library.LastKnownGoodStore"); // package-private
        for (Class<?> front : List.of(FailoverBlobStore.class, lastKnownGood)) {
            assertThat(front.getSuperclass()).as(front.getSimpleName()).isEqualTo(ForwardingBlobStore.class);
            assertThat(front.getInterfaces()).as(front.getSimpleName() + " forwards nothing by hand")
                    .doesNotContain(BlobStore.class);
            assertThat(Arrays.stream(front.getDeclaredMethods()).map(Method::getName))
                    .as(front.getSimpleName() + " changes its listings, so hands them out key by key its own way")
                    .contains("list", "forEachKey");
        }
    }
}
