// What authkit-cli prints of user-controlled text (names, e-mail addresses, organization names,
// server messages) cannot drive the terminal (label "hostile").

#include "TerminalText.h"

#include <QTest>

class TerminalTextTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void controlCharactersAreNeutralised_data()
    {
        QTest::addColumn<QString>("input");
        QTest::newRow("ANSI colour") << QStringLiteral("Ada\x1b[31mRed");
        QTest::newRow("clear screen") << QStringLiteral("\x1b[2J\x1b[H" "Ada");
        QTest::newRow("OSC 52 clipboard write") << QStringLiteral("\x1b]52;c;ZXZpbA==\x07" "Ada");
        QTest::newRow("OSC 8 hyperlink") << QStringLiteral("\x1b]8;;http://evil/\x1b\\Ada\x1b]8;;\x1b\\");
        QTest::newRow("fake second line") << QStringLiteral("Ada\nSigned in as Admin");
        QTest::newRow("carriage return overwrite") << QStringLiteral("evil\rAda");
        QTest::newRow("backspaces") << QStringLiteral("Eve\b\b\b" "Ada");
        QTest::newRow("C1 CSI") << (QStringLiteral("Ada") + QChar(0x9b) + QStringLiteral("31m"));
        QTest::newRow("DEL") << (QStringLiteral("Ada") + QChar(0x7f));
        QTest::newRow("bidi override") << (QStringLiteral("Ada") + QChar(0x202e) + QStringLiteral("gpj.exe"));
        QTest::newRow("bidi isolate") << (QChar(0x2066) + QStringLiteral("Ada") + QChar(0x2069));
        QTest::newRow("NUL") << QString::fromUtf8("Ada\0Lovelace", 12);
    }

    void controlCharactersAreNeutralised()
    {
        QFETCH(QString, input);
        const QString output = TerminalText::sanitize(input);
        for (const QChar c : output) {
            const ushort u = c.unicode();
            QVERIFY2(u >= 0x20 && u != 0x7f && !(u >= 0x80 && u <= 0x9f), qPrintable(QString::number(u, 16)));
            QVERIFY(!(u >= 0x202a && u <= 0x202e) && !(u >= 0x2066 && u <= 0x2069));
        }
        QVERIFY(output.contains(QStringLiteral("Ada")));
        QVERIFY(output.contains(QChar(0xfffd))); // shown as replaced, not silently dropped
    }

    void ordinaryTextIsUntouched_data()
    {
        QTest::addColumn<QString>("input");
        QTest::newRow("ascii") << QStringLiteral("Ada Lovelace <ada@example.com>");
        QTest::newRow("accents") << QStringLiteral("Zoë Ñúñez");
        QTest::newRow("cjk") << QStringLiteral("山田太郎");
        QTest::newRow("emoji") << QStringLiteral("Ada 🚀");
        QTest::newRow("right-to-left script") << QStringLiteral("عائشة");
    }

    void ordinaryTextIsUntouched()
    {
        QFETCH(QString, input);
        QCOMPARE(TerminalText::sanitize(input), input);
    }
};

QTEST_GUILESS_MAIN(TerminalTextTest)
#include "tst_terminaltext.moc"
