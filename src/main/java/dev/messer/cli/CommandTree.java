package dev.messer.cli;

import dev.messer.cli.aws.LoginCommand;
import dev.messer.cli.aws.LogoutCommand;
import dev.messer.cli.aws.PolicyCommand;
import dev.messer.cli.aws.SetupCommand;
import dev.messer.cli.completion.CompletionCommand;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The words of the grammar (docs/cli.md) as a tree: groups ("data", "bag", "from") lead to leaf
 * commands. New commands are registered in {@link #standard()}.
 */
public final class CommandTree {

    /** A group of words or a leaf command. */
    public static final class Node {
        final String word;
        final String summary;
        final Supplier<Command> factory;
        final Map<String, Node> children = new LinkedHashMap<>();
        final Node parent;

        Node(String word, String summary, Supplier<Command> factory, Node parent) {
            this.word = word;
            this.summary = summary;
            this.factory = factory;
            this.parent = parent;
        }

        public boolean isLeaf() {
            return factory != null;
        }

        public String word() {
            return word;
        }

        public String summary() {
            return summary;
        }

        public Map<String, Node> children() {
            return children;
        }

        public Command newCommand() {
            return factory.get();
        }

        /** Whether this is the root, "messer" itself. */
        public boolean isRoot() {
            return parent == null;
        }

        /** "messer data bag show" */
        public String path() {
            List<String> words = new ArrayList<>();
            for (Node n = this; n != null; n = n.parent) {
                words.add(0, n.word);
            }
            return String.join(" ", words);
        }
    }

    /**
     * A command of the launcher (bin/messer), which runs it before any JVM starts; the jar has no
     * such command. Help and completion list it beside the tree's own: its flags, and its options
     * that take a folder.
     */
    public record LauncherCommand(String word, String summary, List<String> folderOptions, List<String> flags) {
    }

    public static final List<LauncherCommand> LAUNCHER_COMMANDS = List.of(new LauncherCommand("install",
            "Put messer on the PATH with its bash and zsh completion (--prefix DIR, default ~/.local)",
            List.of("--prefix"), List.of("-h", "--help")));

    private final Node root = new Node("messer", "command-line secrets manager", null, null);

    public Node root() {
        return root;
    }

    /** Registers a group (summary) or a leaf (factory) under the given words. */
    public CommandTree add(String words, String summary, Supplier<Command> factory) {
        Node node = root;
        String[] parts = words.split(" ");
        for (int i = 0; i < parts.length; i++) {
            boolean last = i == parts.length - 1;
            Node parent = node;
            String part = parts[i];
            node = parent.children.computeIfAbsent(part, w -> new Node(w, last ? summary : "", last ? factory : null, parent));
        }
        return this;
    }

    public static CommandTree standard() {
        return new CommandTree()
                .add("configure", "Write settings to the configuration file, or print them (-p)", ConfigureCommand::new)
                .add("quickstart", "Set up a local profile and show the whole job on a sample item", QuickstartCommand::new)
                .group("encryption", "Manage the versioned data keys in the keys bucket")
                .add("encryption create", "Create a data key (version 0)", EncryptionCreateCommand::new)
                .add("encryption increment", "Add a new version of a data key", EncryptionIncrementCommand::new)
                .add("encryption list", "List data keys, or the versions of one", EncryptionListCommand::new)
                .add("encryption delete", "Delete a data key, or one version of it", EncryptionDeleteCommand::new)
                .add("encryption rewrap", "Wrap every key version under another master key, or add recovery wraps",
                        EncryptionRewrapCommand::new)
                .add("encryption sync", "Copy the home region's data keys to the profile's other regions",
                        EncryptionSyncCommand::new)
                .group("data", "Data bag commands")
                .group("data bag", "Create, upload, show and delete data bags and items")
                .add("data bag create", "Create a data bag", DataBagCreateCommand::new)
                .group("data bag from", "Upload from a file")
                .add("data bag from file", "Encrypt an item file and upload it to a bag", DataBagFromFileCommand::new)
                .add("data bag show", "List bags, list a bag's items, or show an item", DataBagShowCommand::new)
                .add("data bag delete", "Delete an item, or an empty bag", DataBagDeleteCommand::new)
                .add("data bag edit", "Decrypt an item into your editor and store the result", DataBagEditCommand::new)
                .add("data bag set", "Set fields of an item, by path, from stdin, a file, a prompt or a generator",
                        DataBagSetCommand::new)
                .add("data bag unset", "Remove fields of an item, by path", DataBagUnsetCommand::new)
                .add("data bag history", "List the kept versions of an item, newest first", DataBagHistoryCommand::new)
                .add("data bag diff", "Compare two versions of an item, or a file with the latest, field by field",
                        DataBagDiffCommand::new)
                .add("data bag rollback", "Store an old version of an item again as its newest version",
                        DataBagRollbackCommand::new)
                .add("exec", "Run a command with the fields of items as environment variables", ExecCommand::new)
                .add("export", "Print the fields of items from any bags, merged, for a shell, dotenv or json",
                        ExportCommand::new)
                .add("render", "Fill a template's {{BAG/ITEM/PATH}} placeholders with field values", RenderCommand::new)
                .add("completion", "Print the bash or zsh completion script", CompletionCommand::new)
                .add("version", "Print the version (also: messer --version, messer -V)", VersionCommand::new)
                .add("policy", "Print a least-privilege IAM policy for the profile (admin, writer or reader)",
                        PolicyCommand::new)
                .add("doctor", "Check a profile end to end and print what to fix", DoctorCommand::new)
                .add("audit", "Count every tier's items, key versions and formats, and list what to fix", AuditCommand::new)
                .add("compare", "Show which bags, items and fields tiers lack, and values equal across tiers",
                        CompareCommand::new)
                .add("check", "Check that the items and fields a manifest names exist and decrypt", CheckCommand::new)
                .add("login", "Assume the profile's AWS role now (MFA asked once) and keep the session", LoginCommand::new)
                .add("logout", "Delete cached AWS role sessions", LogoutCommand::new)
                .add("setup", "Create or check the profile's buckets and KMS alias (aws)", SetupCommand::new)
                .group("bulk", "Work on every bag and item of a configuration at once")
                .add("bulk list", "List every bag and its items", BulkListCommand::new)
                .add("bulk re-encrypt", "Re-seal every item with the latest version of its key", BulkReEncryptCommand::new)
                .add("bulk rotate-keys", "Add a version to every key in use, then re-seal every item with it",
                        BulkRotateKeysCommand::new)
                .add("bulk copy", "Copy every bag and item to other configurations", BulkCopyCommand::new)
                .add("bulk sync", "Make every other region of the profile match the home region: data keys, then items",
                        BulkSyncCommand::new)
                .group("recovery", "Break-glass recovery of the data keys when a master key is lost")
                .add("recovery keygen", "Make a recovery key pair (X25519, or RSA-3072)", RecoveryKeygenCommand::new)
                .add("recovery set", "Store the recovery public key in the keys bucket and pin it in the profile",
                        RecoverySetCommand::new)
                .add("recovery restore", "Re-wrap every key version from its recovery wrap under a new master key",
                        RecoveryRestoreCommand::new);
    }

    /** Gives a group word its summary (groups are otherwise created implicitly). */
    public CommandTree group(String words, String summary) {
        Node node = root;
        for (String part : words.split(" ")) {
            Node parent = node;
            node = parent.children.computeIfAbsent(part, w -> new Node(w, summary, null, parent));
        }
        return this;
    }
}
