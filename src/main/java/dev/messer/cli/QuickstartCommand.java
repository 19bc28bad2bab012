package dev.messer.cli;

import com.beust.jcommander.Parameter;
import dev.messer.app.LocalKeyFile;
import dev.messer.app.Session;
import dev.messer.app.Sessions;
import dev.messer.config.ConfigWriter;
import dev.messer.config.Provider;
import dev.messer.config.Setting;
import dev.messer.config.Settings;
import dev.messer.databag.BagUpload;
import dev.messer.databag.ItemDocument;
import dev.messer.keys.KeyRef;
import dev.messer.output.ShellQuote;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * {@code messer quickstart}: the whole job on the local provider, narrated with the command line of
 * each step. Safe to run again: every step reuses what the previous run made.
 */
final class QuickstartCommand extends CommandBase {

    static final Grammar GRAMMAR = Grammar.NONE;

    static final String PROFILE = "quickstart";
    /**
     * Its own keys folder: data keys are found by name, so sharing the default "keys" folder with
     * another profile (another master key) would mix keys that one master key cannot unwrap.
     */
    static final String KEYS_BUCKET = "quickstart-keys";
    static final String KEY = "app";
    static final String BAG = "demo";
    static final String SAMPLE = "tests/resources/sample-item.json";

    @Parameter(names = "--item", description = "Item file to upload (default: " + SAMPLE + ")")
    String itemFile;

    QuickstartCommand() {
        super(GRAMMAR);
    }

    @Override
    public int run(CommandContext context) {
        Console console = context.console();
        Path configPath = context.configPath();
        String configFlag = common.config == null ? "" : " -c " + configPath;
        String p = " --profile " + PROFILE + configFlag;

        step(console, "1. Write a local profile '" + PROFILE + "' to " + configPath,
                "messer configure local -m " + PROFILE + " -e " + PROFILE + " -k " + KEYS_BUCKET + p);
        context.createDefaultFileIfMissing();
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        values.put(Setting.MASTER_KEY, PROFILE);
        values.put(Setting.TIER, PROFILE);
        values.put(Setting.KEYS_BUCKET, KEYS_BUCKET);
        Settings settings = new ConfigWriter(context.resolver()).update(configPath, Provider.LOCAL, PROFILE, values,
                resolved -> { }).settings();
        Sessions sessions = context.sessions(Provider.LOCAL);
        try (Session<?> session = sessions.open(settings)) {
            LocalKeyFile keyFile = sessions.localKeyFile(settings);
            console.info("   master key file: " + keyFile.path());
            if (!keyFile.exists()) {
                keyFile.create(null);
                console.info("   created (mode 0600)");
            } else {
                console.info("   exists already");
            }

            step(console, "2. Create the data key '" + KEY + "' (AES-256, wrapped by the master key)",
                    "messer encryption create local " + KEY + p);
            if (session.keyRing().versions(KEY).isEmpty()) {
                KeyRef ref = session.keyRing().create(KEY);
                console.info("   created " + ref + " in " + session.backend().keys().describe());
            } else {
                console.info("   exists already: versions " + session.keyRing().versions(KEY));
            }

            step(console, "3. Create the data bag '" + BAG + "'", "messer data bag create local " + BAG + p);
            boolean created = session.bags().createBag(BAG);
            console.info("   " + (created ? "created " : "exists already: ") + session.layout().bagMarker(BAG));

            String source = itemFile != null ? itemFile : Files.exists(Path.of(SAMPLE)) ? SAMPLE : null;
            ItemDocument item = source != null ? ItemFiles.read(source, console) : bundledSample();
            String typed = "messer data bag from file local " + BAG + " " + (source != null ? source : "-")
                    + " --secret-file " + KEY + " --force" + p;
            step(console, "4. Encrypt and upload " + (source != null ? source : "the sample item"), source != null
                    ? typed : "printf '%s\\n' " + ShellQuote.quote(item.json().toString()) + " | " + typed);
            BagUpload upload = session.items().startUpload(BAG, KEY, OptionalInt.empty());
            upload.put(item, true);
            console.info("   stored " + session.layout().itemKey(BAG, item.id()) + " sealed with " + upload.key());

            step(console, "5. Show it decrypted", "messer data bag show local " + BAG + " " + item.id() + " --decrypt" + p);
            console.data(DecryptedItems.read(context.console(), session, BAG, item.id()).view().toString());
        }
        console.info("");
        console.info("Done. Try: messer data bag show local" + p + "   (docs: " + docs() + ")");
        return ExitCodes.OK;
    }

    /**
     * Where the documentation is beside the running jar: the bundle's {@code share/doc/messer/README.md}
     * (jar in {@code lib/}), the checkout's README.md (jar or classes in {@code target/}), else the man page.
     */
    static String docs() {
        try {
            // the class path as launched: a class from the AOT cache names the jar it was trained from
            String first = System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)[0];
            Path jar = first.isEmpty()
                    ? Path.of(QuickstartCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    : Path.of(first);
            Path beside = jar.toAbsolutePath().getParent().getParent();
            for (Path readme : new Path[] {beside.resolve("share/doc/messer/README.md"), beside.resolve("README.md")}) {
                if (Files.isRegularFile(readme)) {
                    return readme.normalize().toString();
                }
            }
        } catch (java.net.URISyntaxException | RuntimeException e) {
            // no location to look beside: the man page is always there
        }
        return "man messer";
    }

    private static void step(Console console, String title, String commandLine) {
        console.info("");
        console.info(title);
        console.info("   $ " + commandLine);
    }

    private static ItemDocument bundledSample() {
        try (InputStream in = QuickstartCommand.class.getResourceAsStream("/dev/messer/sample-item.json")) {
            if (in == null) {
                throw new IllegalStateException("the sample item is missing from the jar");
            }
            return ItemDocument.parse(in.readAllBytes(), "bundled sample item");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled sample item", e);
        }
    }
}
