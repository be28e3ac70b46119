package com.rolloutcontrolroom.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass.Predicates;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/** The layer rules of PRODUCT.md, as a test: ui → services → domain, and thin Views. */
@AnalyzeClasses(packages = "com.rolloutcontrolroom", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    @ArchTest
    static final ArchRule domainIsFreeOfJavaFxAndJdbc = noClasses()
            .that().resideInAPackage("..domain..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "javafx..", "java.sql..", "javax.sql..", "..services..", "..ui..", "..app..", "..cli..")
            .because("domain records and pure functions must be testable and reusable without a toolkit or a database");

    @ArchTest
    static final ArchRule servicesAreFreeOfTheSceneGraph = noClasses()
            .that().resideInAPackage("..services..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "..ui..", "..app..", "..cli..")
            .because("services serve the GUI and the CLI alike and are tested without a toolkit");

    @ArchTest
    static final ArchRule servicesUseNoJavaFxAtAll = noClasses()
            .that().resideInAPackage("..services..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..")
            .because("the CLI runs the same services with no toolkit started");

    @ArchTest
    static final ArchRule viewModelsNeverTouchControls = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.fxml..",
                    "javafx.application..", "java.sql..", "javax.sql..")
            .because("a ViewModel is a plain class tested without a Stage; it reaches the FX thread and the database only"
                    + " through the TaskExecutor and the services");

    @ArchTest
    static final ArchRule theFrameIsLaidOutWithoutFxml = noClasses()
            .that().haveFullyQualifiedName("com.rolloutcontrolroom.ui.main.MainView")
            .or().haveFullyQualifiedName("com.rolloutcontrolroom.ui.main.MainFrameLayout")
            .should().dependOnClassesThat().resideInAPackage("javafx.fxml..")
            .because("the frame is on the way to every first frame, and there the FXML loader was a third of building it"
                    + " (docs/PERFORMANCE.md, Start-up); the screens keep their FXML");

    @ArchTest
    static final ArchRule onlyUiCommonPostsToTheFxThread = noClasses()
            .that().resideInAPackage("..ui..").and().resideOutsideOfPackage("..ui.common..")
            .should().dependOnClassesThat().haveFullyQualifiedName("javafx.application.Platform")
            .because("one background-work abstraction: FxTaskExecutor is the only door to the FX thread");

    @ArchTest
    static final ArchRule viewsTalkOnlyToTheirViewModel = classes()
            .that().resideInAPackage("..ui..").and().haveSimpleNameEndingWith("View")
            .should(dependOnNoViewModelButTheirOwn())
            .andShould().onlyDependOnClassesThat(DescribedPredicate.not(
                    Predicates.resideInAnyPackage(
                            "..services..", "java.sql..", "javax.sql..", "..app..", "..cli..")))
            .because("a View binds and forwards; everything else goes through its ViewModel");

    @ArchTest
    static final ArchRule oneLoggingApi = noClasses()
            .that().doNotHaveFullyQualifiedName("com.rolloutcontrolroom.app.LogSetup")
            .and().doNotHaveFullyQualifiedName("com.rolloutcontrolroom.app.LogLineFormat")
            .should().dependOnClassesThat().resideInAPackage("java.util.logging..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.System$Logger")
            .because("everything logs through SLF4J; only LogSetup configures java.util.logging, the backend it is bridged to,"
                    + " and LogLineFormat writes its lines");

    @ArchTest
    static final ArchRule noStandardStreams = noClasses()
            // the exceptions: -Dcontrolroom.printStartup prints the first frame's time for the start-up benchmark, and
            // the window's arguments get their one-sentence error without building picocli's command tree
            .that().doNotHaveFullyQualifiedName("com.rolloutcontrolroom.app.FirstFrame")
            .and().doNotHaveFullyQualifiedName("com.rolloutcontrolroom.cli.ControlRoomCli")
            .should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err")
            .because("stderr carries the CLI's one-sentence errors and stdout its output, both through picocli's writers;"
                    + " diagnostics go to the log");

    private static ArchCondition<JavaClass> dependOnNoViewModelButTheirOwn() {
        return new ArchCondition<>("depend on no ViewModel but their own") {
            @Override
            public void check(JavaClass view, ConditionEvents events) {
                String own = view.getName() + "Model";
                for (Dependency dependency : view.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    if (target.getSimpleName().endsWith("ViewModel") && !target.getName().equals(own)) {
                        events.add(SimpleConditionEvent.violated(view, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
