// The custom-scheme user agent of the system-browser sign-in, against what any local program can
// hand the app by launching it with a URL (label "hostile"): only the exact redirect URI with
// this attempt's state finishes the sign-in; everything else is refused with why and the
// attempt goes on. A redirect with no sign-in under way changes nothing.

#include <authkitqt/core/AuthKitConfig.h>
#include <authkitqt/core/AuthorizationRequest.h>
#include <authkitqt/core/CustomSchemeUserAgent.h>

#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace authkit;

Q_DECLARE_METATYPE(CustomSchemeUserAgent::Delivery)

class CustomSchemeUserAgentTest : public QObject
{
    Q_OBJECT

    struct Attempt
    {
        QList<QUrl> opened;
        CustomSchemeUserAgent agent{[this](const QUrl &url) {
            opened.append(url);
            return true;
        }};
        AuthorizationRequest request;

        Attempt()
        {
            AuthKitConfig config;
            config.clientId = QStringLiteral("client_01J00000000000000000000PRD");
            config.apiBaseUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
            config.redirectUri = QUrl(QStringLiteral("authkit-desktop://callback"));
            const QUrl redirect = agent.prepareRedirectUri(config.redirectUri);
            request = AuthorizationRequest::create(config, redirect);
            agent.present(request);
        }
        QUrl redirect(const QString &state,
                      const QString &base = QStringLiteral("authkit-desktop://callback")) const
        {
            QUrl url(base);
            QUrlQuery query;
            query.addQueryItem(QStringLiteral("code"), QStringLiteral("01JCODE"));
            query.addQueryItem(QStringLiteral("state"), state);
            url.setQuery(query);
            return url;
        }
        QUrl good() const { return redirect(request.state()); }
    };

private Q_SLOTS:
    void opensTheHostedPageWithTheCustomScheme()
    {
        Attempt attempt;
        QCOMPARE(attempt.opened.size(), 1);
        const QUrlQuery query(attempt.opened.first());
        QCOMPARE(query.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded),
                 QStringLiteral("authkit-desktop://callback"));
        QVERIFY(attempt.agent.isWaiting());
    }

    void refusesWhatIsNotACustomScheme_data()
    {
        QTest::addColumn<QString>("configured");
        QTest::newRow("loopback") << QStringLiteral("http://127.0.0.1/callback");
        QTest::newRow("https") << QStringLiteral("https://app.example/callback");
        QTest::newRow("javascript") << QStringLiteral("javascript:alert(1)");
        // The emulator's production rules always refused it; this agent took it until they
        // shared one list (isBrowserInternalScheme).
        QTest::newRow("vbscript") << QStringLiteral("vbscript:msgbox(1)");
        QTest::newRow("JavaScript, any case") << QStringLiteral("JavaScript:alert(1)");
        QTest::newRow("file") << QStringLiteral("file:///tmp/x");
        QTest::newRow("relative") << QStringLiteral("/callback");
    }

    void refusesWhatIsNotACustomScheme()
    {
        QFETCH(QString, configured);
        CustomSchemeUserAgent agent([](const QUrl &) { return true; });
        QVERIFY(!agent.prepareRedirectUri(QUrl(configured)).isValid());
    }

    void theRedirectOfThisAttemptIsTaken()
    {
        Attempt attempt;
        QSignalSpy received(&attempt.agent, &UserAgent::redirectReceived);
        QCOMPARE(attempt.agent.deliver(attempt.good()), CustomSchemeUserAgent::Delivery::Accepted);
        QCOMPARE(received.size(), 1);
        QCOMPARE(received.first().first().toUrl(), attempt.good());
        // Once: the same URL again (a replay) finds no sign-in waiting.
        QVERIFY(!attempt.agent.isWaiting());
        QCOMPARE(attempt.agent.deliver(attempt.good()),
                 CustomSchemeUserAgent::Delivery::NoSignInPending);
        QCOMPARE(received.size(), 1);
    }

    void refusedWithoutEndingTheAttempt_data()
    {
        QTest::addColumn<QString>("url"); // GOOD: the attempt's own redirect, then what follows
        QTest::addColumn<CustomSchemeUserAgent::Delivery>("delivery");
        using D = CustomSchemeUserAgent::Delivery;
        QTest::newRow("forged state")
            << QStringLiteral("authkit-desktop://callback?code=x&state=forged") << D::NotThisSignIn;
        QTest::newRow("no state") << QStringLiteral("authkit-desktop://callback?code=x")
                                  << D::NotThisSignIn;
        QTest::newRow("another host")
            << QStringLiteral("HOST:authkit-desktop://elsewhere") << D::NotTheRedirect;
        QTest::newRow("another scheme")
            << QStringLiteral("HOST:authkit-evil://callback") << D::NotTheRedirect;
        QTest::newRow("another path")
            << QStringLiteral("HOST:authkit-desktop://callback/x") << D::NotTheRedirect;
        QTest::newRow("neither code nor error")
            << QStringLiteral("authkit-desktop://callback?a=b") << D::NotTheRedirect;
        QTest::newRow("oversize") << QStringLiteral("LONG") << D::TooLong;
    }

    void refusedWithoutEndingTheAttempt()
    {
        QFETCH(QString, url);
        QFETCH(CustomSchemeUserAgent::Delivery, delivery);
        Attempt attempt;
        QUrl target(url);
        if (url.startsWith(QLatin1String("HOST:")))
            target = attempt.redirect(attempt.request.state(), url.mid(5));
        else if (url == QLatin1String("LONG"))
            target = attempt.redirect(attempt.request.state()
                                      + QString(CustomSchemeUserAgent::kMaxRedirectBytes, u'a'));
        QSignalSpy received(&attempt.agent, &UserAgent::redirectReceived);
        QCOMPARE(attempt.agent.deliver(target), delivery);
        QVERIFY(!CustomSchemeUserAgent::explain(delivery).isEmpty());
        QCOMPARE(received.size(), 0);
        // The sign-in under way goes on, and its own redirect still finishes it.
        QVERIFY(attempt.agent.isWaiting());
        QCOMPARE(attempt.agent.deliver(attempt.good()), CustomSchemeUserAgent::Delivery::Accepted);
        QCOMPARE(received.size(), 1);
    }

    void nothingIsTakenOnceDismissed()
    {
        Attempt attempt;
        attempt.agent.dismiss();
        QSignalSpy received(&attempt.agent, &UserAgent::redirectReceived);
        QCOMPARE(attempt.agent.deliver(attempt.good()),
                 CustomSchemeUserAgent::Delivery::NoSignInPending);
        QCOMPARE(received.size(), 0);
    }

    void aBrowserThatCannotOpenFailsTheAttempt()
    {
        CustomSchemeUserAgent agent([](const QUrl &) { return false; });
        QSignalSpy failed(&agent, &UserAgent::failed);
        AuthKitConfig config;
        config.clientId = QStringLiteral("client_01J00000000000000000000PRD");
        config.apiBaseUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
        const QUrl redirect =
            agent.prepareRedirectUri(QUrl(QStringLiteral("authkit-desktop://callback")));
        agent.present(AuthorizationRequest::create(config, redirect));
        QCOMPARE(failed.size(), 1);
        QVERIFY(!agent.isWaiting());
    }
};

QTEST_GUILESS_MAIN(CustomSchemeUserAgentTest)
#include "tst_customschemeuseragent.moc"
