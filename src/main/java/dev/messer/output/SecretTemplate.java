package dev.messer.output;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import dev.messer.databag.FieldPath;
import dev.messer.databag.FieldRef;
import dev.messer.databag.ItemRef;
import dev.messer.error.InvalidInputException;
import dev.messer.error.NotFoundException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A text template whose placeholders {@code {{BAG/ITEM/PATH}}} name fields of items, parsed by
 * JMustache with HTML escaping off: values go in raw. Only plain placeholders are accepted (no
 * sections, partials or inverted sections); an unknown reference or a missing field is an error,
 * never an empty string. Messages name placeholders, never values.
 */
public final class SecretTemplate {

    /** A placeholder: the item it reads and the field path inside it. */
    public record Placeholder(String text, ItemRef item, FieldPath path) {
    }

    private final Template template;
    private final List<Placeholder> placeholders;

    private SecretTemplate(Template template, List<Placeholder> placeholders) {
        this.template = template;
        this.placeholders = placeholders;
    }

    /**
     * @param delimiters null for {@code {{ }}}, else the opening and closing delimiter separated by a space
     * @param where      "template app.properties.tmpl", for messages
     */
    public static SecretTemplate compile(String text, String delimiters, String where) {
        Mustache.Compiler compiler = Mustache.compiler().escapeHTML(false).strictSections(true);
        Template template;
        try {
            if (delimiters != null) {
                compiler = compiler.withDelims(delimiters);
            }
            template = compiler.compile(text);
        } catch (MustacheException | IllegalArgumentException e) {
            throw new InvalidInputException(where + " cannot be read: " + firstLine(e.getMessage())
                    + "; fix the placeholder (or choose other delimiters with --delimiters '<% %>')");
        }
        Set<String> names = new LinkedHashSet<>();
        List<String> unsupported = new ArrayList<>();
        template.visit(new Mustache.Visitor() {
            @Override
            public void visitText(String text) {
            }

            @Override
            public void visitVariable(String name) {
                names.add(name);
            }

            @Override
            public boolean visitInclude(String name) {
                unsupported.add(">" + name);
                return false;
            }

            @Override
            public boolean visitSection(String name) {
                unsupported.add("#" + name);
                return false;
            }

            @Override
            public boolean visitInvertedSection(String name) {
                unsupported.add("^" + name);
                return false;
            }
        });
        if (!unsupported.isEmpty()) {
            throw new InvalidInputException(where + " uses the tag '" + unsupported.get(0) + "'; only plain placeholders"
                    + " {{BAG/ITEM/PATH}} are supported");
        }
        List<Placeholder> placeholders = new ArrayList<>();
        for (String name : names) {
            placeholders.add(parse(name.trim(), where));
        }
        return new SecretTemplate(template, placeholders);
    }

    private static Placeholder parse(String name, String where) {
        try {
            FieldRef ref = FieldRef.parse(name, true);
            return new Placeholder(name, ref.item(), ref.path().orElseThrow());
        } catch (InvalidInputException e) {
            throw new InvalidInputException(where + ": placeholder " + e.getMessage());
        }
    }

    public List<Placeholder> placeholders() {
        return placeholders;
    }

    /** The items the placeholders read, each once, in order of first use. */
    public List<ItemRef> items() {
        return placeholders.stream().map(Placeholder::item).distinct().toList();
    }

    /**
     * Checks that every placeholder names a field of the items given, and returns the value texts.
     *
     * @param items {@code BAG/ITEM} to the item
     * @throws NotFoundException naming the first placeholder whose field is missing
     */
    public Map<String, String> resolve(Map<ItemRef, DecryptedItem> items) {
        Map<String, String> values = new HashMap<>();
        for (Placeholder placeholder : placeholders) {
            DecryptedItem item = items.get(placeholder.item());
            if (item == null) {
                throw new NotFoundException("placeholder '" + placeholder.text() + "': item " + placeholder.item()
                        + " was not read");
            }
            values.put(placeholder.text(), FieldText.of(placeholder.path().get(item.fields()).orElseThrow(() ->
                    new NotFoundException("placeholder '" + placeholder.text() + "': item " + placeholder.item()
                            + " has no field '" + placeholder.path() + "'; its fields: "
                            + String.join(", ", item.fields().keySet())))));
        }
        return values;
    }

    /** The text with every placeholder replaced by its value from {@link #resolve}. */
    public String render(Map<String, String> values) {
        Map<String, String> context = new HashMap<>();
        template.visit(new Mustache.Visitor() {
            @Override
            public void visitText(String text) {
            }

            @Override
            public void visitVariable(String name) {
                context.put(name, values.get(name.trim()));
            }

            @Override
            public boolean visitInclude(String name) {
                return false;
            }

            @Override
            public boolean visitSection(String name) {
                return false;
            }

            @Override
            public boolean visitInvertedSection(String name) {
                return false;
            }
        });
        try {
            return template.execute(context);
        } catch (MustacheException e) {
            throw new InvalidInputException("the template could not be filled in: " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
