package dev.messer.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.messer.app.Sessions;
import dev.messer.aws.AwsClientFactory;
import dev.messer.aws.AwsEnvironment;
import dev.messer.cli.ArchitectureSamples;
import dev.messer.cli.aws.LoginCommand;
import dev.messer.config.AwsSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The rules about AWS clients and provider types fail on code that breaks them, and pass where the
 * architecture allows it: the composition root, the client factory, cli.aws.
 */
class ProviderRulesTest {

    /** Makes its own clients, as setup and policy once did. */
    static final class MakesItsOwnClients {
        AwsClientFactory factory(AwsSettings settings) {
            return new AwsClientFactory(settings, new AwsEnvironment(Map.of()), serial -> "0");
        }

        S3Client s3() {
            return S3Client.builder().build();
        }
    }

    private static EvaluationResult evaluate(ArchRule rule, Class<?>... types) {
        JavaClasses classes = new ClassFileImporter().importClasses(types);
        return rule.evaluate(classes);
    }

    @Test
    void makingAClientFactoryOutsideTheCompositionRoot_isAViolation() {
        EvaluationResult result = evaluate(ArchitectureTest.onlyTheCompositionRootMakesAwsClients,
                MakesItsOwnClients.class, Sessions.class, AwsClientFactory.class);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).singleElement().asString()
                .contains("MakesItsOwnClients.factory").contains("AwsClientFactory.<init>");
    }

    @Test
    void buildingAnSdkClientOutsideTheClientFactory_isAViolation() {
        EvaluationResult result = evaluate(ArchitectureTest.sdkClientsAreBuiltOnlyByTheClientFactory,
                MakesItsOwnClients.class, AwsClientFactory.class);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).singleElement().asString()
                .contains("MakesItsOwnClients.s3").contains("S3Client.builder()");
    }

    @Test
    void anAwsTypeInTheCommandLine_isAViolation_outsideCliAws() {
        EvaluationResult result = evaluate(ArchitectureTest.withinTheCommandLine_onlyCliAwsNamesAProvider,
                ArchitectureSamples.ReachesIntoAws.class, LoginCommand.class);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).isNotEmpty()
                .allMatch(d -> d.contains("ArchitectureSamples$ReachesIntoAws"));
    }

    @Test
    void anAwsTypeOutsideTheCommandLine_isAViolation_outsideAppAndDoctor() {
        EvaluationResult result = evaluate(ArchitectureTest.outsideTheCommandLine_onlyAppAndDoctorNameAProvider,
                MakesItsOwnClients.class, Sessions.class);
        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails()).isNotEmpty()
                .allMatch(d -> d.contains("ProviderRulesTest$MakesItsOwnClients"));
    }
}
