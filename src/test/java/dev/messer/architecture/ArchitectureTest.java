package dev.messer.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.google.gson.JsonElement;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.messer.aws.AwsBackend;
import dev.messer.aws.AwsClientFactory;
import dev.messer.local.LocalBackend;
import java.util.Objects;
import software.amazon.awssdk.core.SdkClient;

/**
 * The layering of docs/architecture.md, kept true by the build. The core (crypto, names, the store,
 * master key and backend ports, keys, databag, bulk, output, config, error) knows no provider and no
 * command line; each provider (aws, local) knows the core and not the other; the composition root
 * (app) knows the providers and is the only one to make AWS clients; doctor and the command line
 * (cli with edit and exec) sit on top, and of the command line only cli.aws names a provider's types.
 */
@AnalyzeClasses(packages = "dev.messer", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] CORE = {
        "dev.messer.crypto..", "dev.messer.names..", "dev.messer.error..", "dev.messer.files..",
        "dev.messer.store..", "dev.messer.masterkey..", "dev.messer.backend..", "dev.messer.keys..",
        "dev.messer.databag..", "dev.messer.bulk..", "dev.messer.output..", "dev.messer.config..", "dev.messer.estate..", "dev.messer.regions..",
        "dev.messer.recovery..",
    };
    private static final String[] ABOVE_PROVIDERS = {
        "dev.messer.app..", "dev.messer.doctor..", "dev.messer.cli..", "dev.messer.edit..", "dev.messer.exec..",
        "dev.messer.library..", "dev.messer.spring..",
    };
    /** The faces for JVM services, which the CLI's shaded jar leaves out (docs/jvm.md). */
    private static final String[] SERVICE_FACES = {"dev.messer.library..", "dev.messer.spring.."};
    private static final String[] COMMAND_LINE = {"dev.messer.cli..", "dev.messer.edit..", "dev.messer.exec.."};
    private static final String[] PROVIDERS = {"dev.messer.aws..", "dev.messer.local.."};

    @ArchTest
    static final ArchRule packagesHaveNoCycles = slices().matching("dev.messer.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule coreKnowsNoProviderAndNoCommandLine = noClasses().that().resideInAnyPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("dev.messer.aws..", "dev.messer.local..")
            .orShould().dependOnClassesThat().resideInAnyPackage(ABOVE_PROVIDERS);

    @ArchTest
    static final ArchRule awsKnowsNotLocalNorTheLayersAbove = noClasses().that().resideInAPackage("dev.messer.aws..")
            .should().dependOnClassesThat().resideInAPackage("dev.messer.local..")
            .orShould().dependOnClassesThat().resideInAnyPackage(ABOVE_PROVIDERS);

    @ArchTest
    static final ArchRule localKnowsNotAwsNorTheLayersAbove = noClasses().that().resideInAPackage("dev.messer.local..")
            .should().dependOnClassesThat().resideInAPackage("dev.messer.aws..")
            .orShould().dependOnClassesThat().resideInAnyPackage(ABOVE_PROVIDERS);

    @ArchTest
    static final ArchRule onlyTheCompositionRootBuildsBackends = noClasses()
            .that().resideOutsideOfPackage("dev.messer.app..")
            .should().callConstructorWhere(target(owner(DescribedPredicate.describe("a provider backend",
                    (JavaClass owner) -> owner.isEquivalentTo(AwsBackend.class)
                            || owner.isEquivalentTo(LocalBackend.class)))));

    @ArchTest
    static final ArchRule onlyTheCompositionRootMakesAwsClients = noClasses()
            .that().resideOutsideOfPackage("dev.messer.app..").and().doNotHaveFullyQualifiedName(AwsClientFactory.class.getName())
            .should().callConstructorWhere(target(owner(DescribedPredicate.describe("the AWS client factory",
                    (JavaClass owner) -> owner.isEquivalentTo(AwsClientFactory.class)))))
            .because("the composition root (app.Sessions) makes every session's clients");

    /** The SDK's clients are built in one place, the client factory, which only the composition root makes. */
    @ArchTest
    static final ArchRule sdkClientsAreBuiltOnlyByTheClientFactory = noClasses()
            .that(DescribedPredicate.describe("are not the client factory", (JavaClass c) ->
                    !c.getName().equals(AwsClientFactory.class.getName())
                            && !c.getName().startsWith(AwsClientFactory.class.getName() + "$")))
            .should().callMethodWhere(DescribedPredicate.describe("a builder of an AWS SDK client",
                    (JavaMethodCall call) -> (call.getName().equals("builder") || call.getName().equals("create"))
                            && call.getTargetOwner().isAssignableTo(SdkClient.class)));

    @ArchTest
    static final ArchRule withinTheCommandLine_onlyCliAwsNamesAProvider = noClasses()
            .that().resideInAPackage("dev.messer.cli..").and().resideOutsideOfPackage("dev.messer.cli.aws..")
            .should().dependOnClassesThat().resideInAnyPackage(PROVIDERS)
            .because("the command line gets sessions, admin sessions and key files from app; "
                    + "only the aws-only commands in cli.aws work with AWS types");

    @ArchTest
    static final ArchRule outsideTheCommandLine_onlyAppAndDoctorNameAProvider = noClasses()
            .that().resideOutsideOfPackages("dev.messer.cli..", "dev.messer.app..", "dev.messer.doctor..",
                    "dev.messer.aws..", "dev.messer.local..")
            .should().dependOnClassesThat().resideInAnyPackage(PROVIDERS);

    @ArchTest
    static final ArchRule onlyTheCommandLinePrintsOrExits = noClasses()
            .that().resideOutsideOfPackages(COMMAND_LINE)
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .orShould().callMethod(System.class, "exit", int.class);

    /**
     * Gson's {@code equals} compares numbers through {@code double}: 2^53+1 equals 2^53, {@code 1e400}
     * equals {@code 2e400}, and {@code 1} equals {@code 1.0}. Item values are compared by the bytes
     * they are sealed as ({@code ItemDocument.sealsAs}) or by their JSON text ({@code ItemDiff}).
     * javac compiles {@code equals} on a {@code JsonElement} (which declares none) as a call of
     * {@code Object.equals}, and {@code Objects.equals} hides the types too; so a class that handles
     * Gson values calls neither, nor the {@code equals} of a Gson type. The aws package handles
     * policy documents, never items.
     */
    @ArchTest
    static final ArchRule jsonValuesAreNeverComparedWithGsonEquals = noClasses()
            .that().resideOutsideOfPackage("dev.messer.aws..").and(DescribedPredicate.describe("handle Gson JSON values", (JavaClass c) -> c.getDirectDependenciesFromSelf()
                    .stream().anyMatch(d -> d.getTargetClass().isAssignableTo(JsonElement.class))))
            .should().callMethodWhere(DescribedPredicate.describe("an equals that may be Gson's",
                    (JavaCall<?> call) -> call.getName().equals("equals")
                            && (call.getTargetOwner().isAssignableTo(JsonElement.class)
                            || call.getTargetOwner().isEquivalentTo(Object.class)
                            || call.getTargetOwner().isEquivalentTo(Objects.class))))
            .because("Gson compares numbers as doubles; compare item values by their text or sealed bytes");

    /** Spring Boot is provided by the application: only the import package may name it. */
    @ArchTest
    static final ArchRule onlyTheSpringImportNamesSpring = noClasses()
            .that().resideOutsideOfPackage("dev.messer.spring..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework..")
            .because("Spring stays out of the CLI and the core; dev.messer.spring is the one integration package");

    /** The CLI's jar leaves the library and the Spring import out, so nothing the CLI runs may need them. */
    @ArchTest
    static final ArchRule theServiceFacesAreUsedByNothingBelowThem = noClasses()
            .that().resideOutsideOfPackages(SERVICE_FACES)
            .should().dependOnClassesThat().resideInAnyPackage(SERVICE_FACES)
            .because("the CLI's shaded jar does not carry dev.messer.library and dev.messer.spring");
}
