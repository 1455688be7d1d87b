// authkit-login-window: the login window of an AuthKitQt application in a process of its own,
// so that the application never maps Qt WebEngine and gets its memory back when the sign-in is
// over. Started by LoginProcessUserAgent; speaks the line protocol of
// docs/login-window-process.md on stdin/stdout; exits on "close" or when stdin closes.

#include "LoginWindowService.h"

#include <authkitqt/core/Translations.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QLocale>
#include <QLoggingCategory>

#include <unistd.h>

int main(int argc, char *argv[])
{
    // Chromium refuses to run as root with its sandbox on (as authkit-desktop's main() says).
    if (::geteuid() == 0 && qEnvironmentVariableIsEmpty("QTWEBENGINE_DISABLE_SANDBOX"))
        qputenv("QTWEBENGINE_DISABLE_SANDBOX", "1");
    // Qt WebEngine shares OpenGL contexts with the widgets; it must be set before QApplication.
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("authkit-login-window"));
    QApplication::setQuitOnLastWindowClosed(false); // the parent says when it is over
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("authkit.*.debug=false"));
    qSetMessagePattern(
        QStringLiteral("authkit-login-window: %{if-category}%{category}: %{endif}%{message}"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "The sign-in window of an AuthKitQt application; started by the application."));
    parser.addHelpOption();
    const QCommandLineOption profile(QStringLiteral("profile-path"),
                                     QStringLiteral("The login profile's folder."),
                                     QStringLiteral("dir"));
    const QCommandLineOption locale(QStringLiteral("locale"),
                                    QStringLiteral("The application's locale (e.g. de_DE)."),
                                    QStringLiteral("name"));
    const QCommandLineOption title(QStringLiteral("display-name"),
                                   QStringLiteral("The application's name, for the title bar."),
                                   QStringLiteral("name"));
    const QCommandLineOption clearCookies(
        QStringLiteral("clear-cookies"),
        QStringLiteral("Forget the hosted session first (a hosted logout did not finish)."));
    const QCommandLineOption parentWindow(
        QStringLiteral("parent-window"),
        QStringLiteral("The application's window (X11 id): the login window stays above it."),
        QStringLiteral("id"));
    parser.addOptions({profile, locale, title, clearCookies, parentWindow});
    parser.process(app);
    // The window's texts in the application's language (the catalogues built in below).
    authkit::installTranslations(app,
                                 parser.isSet(locale) ? QLocale(parser.value(locale)) : QLocale());
    if (parser.isSet(title))
        QGuiApplication::setApplicationDisplayName(parser.value(title));

    authkit::LoginWindowService service(parser.value(profile));
    if (parser.isSet(parentWindow))
        service.setParentWindow(parser.value(parentWindow));
    if (parser.isSet(clearCookies))
        service.clearLoginCookies();
    service.start();
    return QApplication::exec();
}
