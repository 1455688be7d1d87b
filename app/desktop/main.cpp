// authkit-desktop: sign in with WorkOS AuthKit in a Qt WebEngine window; views follow the
// authentication state.

#include "DesktopApp.h"
#include "DesktopCommandLine.h"
#include "DesktopLogging.h"
#include "QuitOnSignal.h"
#include "SettingsDialog.h"
#include "SingleInstance.h"
#include "StartupTrace.h"
#include "TranslationLoader.h"

#include <QApplication>
#include <QLoggingCategory>
#include <QMessageBox>

#include <cstdio>
#include <cstring>
#include <memory>

#include <unistd.h>

namespace {

void nameApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("AuthKitQt"));
    QCoreApplication::setApplicationName(QStringLiteral("authkit-desktop"));
    QCoreApplication::setApplicationVersion(QStringLiteral(AUTHKITQT_VERSION));
}

bool hasDisplay()
{
    return !qEnvironmentVariableIsEmpty("DISPLAY")
           || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
           || !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

bool asksForHelpOrVersion(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        for (const char *flag : {"-h", "--help", "-v", "--version"}) {
            if (std::strcmp(argv[i], flag) == 0)
                return true;
        }
        // With a display, --help-all also lists QApplication's own options (-platform, …).
        if (std::strcmp(argv[i], "--help-all") == 0 && !hasDisplay())
            return true;
    }
    return false;
}

// --help and --version print and exit with no display at all (a terminal over ssh, a package
// build generating the man page): they are answered before QApplication needs a platform.
int printHelpOrVersion(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    nameApplication();
    TranslationLoader::install(app);
    DesktopCommandLine::parse(app); // prints and exits
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    if (asksForHelpOrVersion(argc, argv))
        return printHelpOrVersion(argc, argv);

    StartupTrace::install();
    StartupTrace::checkpoint("main entered");
    // Chromium refuses to run as root with its sandbox on; as root the sign-in window runs
    // without it (said on stderr below), as the Qt WebEngine documentation describes.
    const bool root =
        ::geteuid() == 0 && qEnvironmentVariableIsEmpty("QTWEBENGINE_DISABLE_SANDBOX");
    if (root)
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
    // Qt WebEngine shares OpenGL contexts with the widgets; it must be set before QApplication.
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    StartupTrace::checkpoint("QApplication constructed");
    nameApplication();
    TranslationLoader::install(app);
    QGuiApplication::setApplicationDisplayName(QObject::tr("AuthKit Desktop"));
    QGuiApplication::setDesktopFileName(QStringLiteral("authkit-desktop"));

    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("authkit.*.debug=false"));
    qSetMessagePattern(
        QStringLiteral("authkit-desktop: %{if-category}%{category}: %{endif}%{message}"));

    const DesktopOptions options = DesktopCommandLine::parse(app);

    // One instance per person and data folder: a second launch raises the first and exits,
    // before it starts an emulator or touches the keychain. A launch with a redirect URL (the
    // browser's, by our scheme) hands it over instead, and says what the running one made of it.
    SingleInstance instance;
    const bool opening = !options.openUrl.isEmpty();
    switch (instance.claimOrForward(opening ? SingleInstance::openMessage(options.openUrl)
                                            : SingleInstance::raiseMessage())) {
    case SingleInstance::Outcome::Primary:
        break;
    case SingleInstance::Outcome::Forwarded:
        if (opening) {
            // The URL carries an authorization code: never printed, only the verdict.
            if (instance.reply().value(QStringLiteral("ok")).toBool()) {
                std::fprintf(stderr, "authkit-desktop: %s\n",
                             qPrintable(QObject::tr("the sign-in was handed to the running "
                                                    "app")));
                return 0;
            }
            std::fprintf(
                stderr, "authkit-desktop: %s\n",
                qPrintable(QObject::tr("the running app refused the sign-in redirect: %1")
                               .arg(instance.reply().value(QStringLiteral("error")).toString())));
            return 1;
        }
        std::fprintf(stderr, "authkit-desktop: %s\n",
                     qPrintable(QObject::tr("already running; its window was brought to the "
                                            "front")));
        if (QCoreApplication::arguments().size() > 1) {
            // The running app keeps its profile and settings; say so rather than seem to obey.
            std::fprintf(stderr, "authkit-desktop: %s\n",
                         qPrintable(QObject::tr("the options of this launch were not applied; "
                                                "quit the running app to start with them")));
        }
        return 0;
    case SingleInstance::Outcome::Failed:
        qCWarning(lcDesktop).noquote()
            << "running without the single-instance check:" << instance.errorString();
        break;
    }

    StartupTrace::checkpoint("single instance claimed");
    if (root)
        qCWarning(lcDesktop)
            << "running as root: the sign-in window runs without Chromium's sandbox";
    QuitOnSignal quitOnSignal;

    std::unique_ptr<DesktopApp> desktop;
    for (;;) {
        desktop = std::make_unique<DesktopApp>(options);
        if (desktop->start())
            break;
        std::fprintf(stderr, "authkit-desktop: %s\n", qPrintable(desktop->errorString()));
        const bool interactive = QGuiApplication::platformName() != QLatin1String("offscreen");
        if (!interactive)
            return desktop->isConfigurationProblem() ? 2 : 1;
        if (!desktop->isConfigurationProblem()) {
            // Plain text: the message may carry a server's or a file's words.
            QMessageBox box(QMessageBox::Critical, QObject::tr("AuthKit Desktop"),
                            desktop->errorString());
            box.setTextFormat(Qt::PlainText);
            box.exec();
            return 1;
        }
        // The profile cannot be used as configured: let the person fix it, then try again.
        SettingsDialog settings(desktop->configFile(), desktop->profile());
        settings.setProblem(desktop->errorString());
        if (settings.exec() != QDialog::Accepted)
            return 2;
    }
    QObject::connect(&instance, &SingleInstance::raiseRequested, desktop.get(),
                     &DesktopApp::raiseWindow);
    instance.setOpenHandler(
        [app = desktop.get()](const QUrl &url) { return app->openRedirect(url); });
    if (opening) {
        // Started by a redirect with no instance running: no sign-in of ours waits for it.
        std::fprintf(stderr, "authkit-desktop: %s\n",
                     qPrintable(desktop->openRedirect(QUrl(options.openUrl))));
    }
    StartupTrace::checkpoint("event loop entered");
    const int code = QApplication::exec();
    desktop.reset(); // before QApplication: the window and Qt WebEngine go first
    return code;
}
