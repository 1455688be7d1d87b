// authkit-desktop links none of the emulator (issue 9, docs/architecture.md): its local profile
// runs authkit-emulator as a child process. ldd on the executable lists neither Qt HTTP Server nor
// Qt SQL, and nm finds no authkit::emulator symbol in it. The same checks on authkit-emulator
// find both, so they can fail.

#include <QProcess>
#include <QRegularExpression>
#include <QTest>

namespace {

QString run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        qWarning().noquote() << program << arguments << "failed:" << process.errorString()
                             << process.readAllStandardError();
        return QString();
    }
    return QString::fromUtf8(process.readAllStandardOutput());
}

bool linksLibrary(const QString &ldd, const QString &library)
{
    // "libQt6Sql.so.6 => /usr/lib/.../libQt6Sql.so.6 (0x...)"
    return ldd.contains(QRegularExpression(QStringLiteral("^\\s*") + QRegularExpression::escape(library)
                                           + QStringLiteral("\\.so"),
                                           QRegularExpression::MultilineOption));
}

} // namespace

class DesktopDependenciesTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void desktopLinksNoServerLibraries()
    {
        const QString ldd = run(QStringLiteral("ldd"), {QStringLiteral(AUTHKIT_DESKTOP_PATH)});
        QVERIFY2(linksLibrary(ldd, QStringLiteral("libQt6Widgets")), qPrintable(ldd));
        QVERIFY2(!linksLibrary(ldd, QStringLiteral("libQt6HttpServer")), qPrintable(ldd));
        QVERIFY2(!linksLibrary(ldd, QStringLiteral("libQt6Sql")), qPrintable(ldd));
    }

    void desktopHasNoEmulatorSymbols()
    {
        const QString symbols = run(QStringLiteral("nm"), {QStringLiteral("-C"),
                                                           QStringLiteral(AUTHKIT_DESKTOP_PATH)});
        QVERIFY2(symbols.contains(QLatin1String("LocalEmulatorProcess::start")),
                 "nm shows no symbols of authkit-desktop (stripped?)");
        QVERIFY(!symbols.contains(QLatin1String("authkit::emulator::")));
    }

    void theChecksSeeTheEmulatorsOwn()
    {
        const QString ldd = run(QStringLiteral("ldd"), {QStringLiteral(AUTHKIT_EMULATOR_PATH)});
        // (The emulator's HTTP core is its own; of the two server libraries it links Qt SQL.)
        QVERIFY2(linksLibrary(ldd, QStringLiteral("libQt6Sql")), qPrintable(ldd));
        const QString symbols = run(QStringLiteral("nm"), {QStringLiteral("-C"),
                                                           QStringLiteral(AUTHKIT_EMULATOR_PATH)});
        QVERIFY(symbols.contains(QLatin1String("authkit::emulator::")));
    }
};

QTEST_GUILESS_MAIN(DesktopDependenciesTest)

#include "tst_desktop_dependencies.moc"
