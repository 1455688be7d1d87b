#include "DevToolsPage.h"

#include "EventLoopWait.h"
#include "HttpClient.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>
#include <QThread>
#include <QTimer>
#include <QWebSocket>

namespace authkit::testsupport {

namespace {

} // namespace

quint16 DevToolsPage::freePort()
{
    QTcpServer server;
    return server.listen(QHostAddress::LocalHost, 0) ? server.serverPort() : 0;
}

quint16 DevToolsPage::portFromEnvironment()
{
    const QString value = qEnvironmentVariable(kVariable);
    return static_cast<quint16>(value.section(QLatin1Char(':'), -1).toUInt());
}

DevToolsPage::DevToolsPage(quint16 port)
    : m_port(port)
{
}

DevToolsPage::~DevToolsPage() = default;

bool DevToolsPage::isAttached() const
{
    return m_socket && m_socket->state() == QAbstractSocket::ConnectedState;
}

bool DevToolsPage::attach(const std::function<bool(const QUrl &)> &accepts, int timeoutMs,
                          QString *why)
{
    m_socket.reset();
    if (m_port == 0) {
        *why = QStringLiteral("no remote debugging port (%1 is not set)")
                   .arg(QLatin1String(kVariable));
        return false;
    }
    QUrl list(QStringLiteral("http://127.0.0.1/json/list"));
    list.setPort(m_port);
    HttpClient http(2000);
    QDeadlineTimer deadline(timeoutMs);
    QUrl socketUrl;
    QString seen;
    while (socketUrl.isEmpty()) {
        const QJsonArray targets = QJsonDocument::fromJson(http.get(list).body).array();
        seen.clear();
        for (const QJsonValue &target : targets) {
            const QUrl url(target[QStringLiteral("url")].toString());
            seen += url.toString(QUrl::RemoveQuery) + QLatin1Char(' ');
            const bool wanted = accepts ? accepts(url) : url.scheme() != QLatin1String("about");
            if (target[QStringLiteral("type")].toString() == QLatin1String("page") && wanted) {
                socketUrl = QUrl(target[QStringLiteral("webSocketDebuggerUrl")].toString());
                break;
            }
        }
        if (socketUrl.isEmpty()) {
            if (deadline.hasExpired()) {
                *why = QStringLiteral("no such page on port %1 (pages: %2)").arg(m_port).arg(seen);
                return false;
            }
            waitUntil([] { return false; }, 100); // the engine may still be starting
        }
    }
    m_socket = std::make_unique<QWebSocket>();
    QObject::connect(m_socket.get(), &QWebSocket::textMessageReceived, m_socket.get(),
                     [this](const QString &text) {
                         const QJsonObject message =
                             QJsonDocument::fromJson(text.toUtf8()).object();
                         if (message.contains(QStringLiteral("id")))
                             m_replies.insert(message.value(QStringLiteral("id")).toInt(), message);
                     });
    m_socket->open(socketUrl);
    const int left = static_cast<int>(qMax<qint64>(deadline.remainingTime(), 5000));
    if (!waitUntil([this] { return m_socket->state() == QAbstractSocket::ConnectedState; }, left)) {
        *why = QStringLiteral("could not open %1: %2")
                   .arg(socketUrl.toString(), m_socket->errorString());
        m_socket.reset();
        return false;
    }
    return true;
}

QJsonObject DevToolsPage::call(const QString &method, const QJsonObject &params, int timeoutMs)
{
    if (!isAttached())
        return {};
    const int id = m_nextId++;
    const QJsonObject request{{QStringLiteral("id"), id},
                              {QStringLiteral("method"), method},
                              {QStringLiteral("params"), params}};
    m_socket->sendTextMessage(
        QString::fromUtf8(QJsonDocument(request).toJson(QJsonDocument::Compact)));
    if (!waitUntil([&] { return m_replies.contains(id) || !isAttached(); }, timeoutMs))
        return {};
    return m_replies.take(id);
}

QVariant DevToolsPage::evaluate(const QString &expression, int timeoutMs)
{
    const QJsonObject reply =
        call(QStringLiteral("Runtime.evaluate"),
             {{QStringLiteral("expression"), expression}, {QStringLiteral("returnByValue"), true}},
             timeoutMs);
    const QJsonObject result = reply.value(QStringLiteral("result")).toObject();
    if (result.isEmpty() || result.contains(QStringLiteral("exceptionDetails")))
        return {};
    return result.value(QStringLiteral("result"))
        .toObject()
        .value(QStringLiteral("value"))
        .toVariant();
}

bool DevToolsPage::press(Key key)
{
    struct KeyInfo
    {
        const char *key;
        int code; // windowsVirtualKeyCode, which Chromium maps the key by
        const char *text;
        int modifiers; // 8: Shift
    };
    static const QHash<Key, KeyInfo> keys = {
        {Key::Tab, {"Tab", 9, "", 0}},        {Key::ShiftTab, {"Tab", 9, "", 8}},
        {Key::Enter, {"Enter", 13, "\r", 0}}, {Key::Escape, {"Escape", 27, "", 0}},
        {Key::Space, {"Space", 32, " ", 0}},
    };
    const KeyInfo info = keys.value(key);
    const QString keyName = QString::fromLatin1(info.key);
    for (const char *type : {"rawKeyDown", "char", "keyUp"}) {
        const bool isChar = qstrcmp(type, "char") == 0;
        if (isChar && !*info.text)
            continue;
        QJsonObject params{{QStringLiteral("type"), QString::fromLatin1(type)},
                           {QStringLiteral("key"),
                            keyName == QLatin1String("Space") ? QStringLiteral(" ") : keyName},
                           {QStringLiteral("code"), keyName},
                           {QStringLiteral("windowsVirtualKeyCode"), info.code},
                           {QStringLiteral("modifiers"), info.modifiers}};
        if (isChar)
            params.insert(QStringLiteral("text"), QString::fromLatin1(info.text));
        const QJsonObject reply = call(QStringLiteral("Input.dispatchKeyEvent"), params, 10000);
        if (reply.isEmpty() || reply.contains(QStringLiteral("error")))
            return false;
    }
    return true;
}

bool DevToolsPage::type(const QString &text)
{
    const QJsonObject reply =
        call(QStringLiteral("Input.insertText"), {{QStringLiteral("text"), text}}, 10000);
    return !reply.isEmpty() && !reply.contains(QStringLiteral("error"));
}

QString DevToolsPage::focusedId()
{
    return evaluate(QStringLiteral("document.activeElement ? document.activeElement.id : ''"))
        .toString();
}

bool DevToolsPage::waitFor(const QString &condition, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        const int left = static_cast<int>(qMax<qint64>(deadline.remainingTime(), 1));
        if (evaluate(QStringLiteral("!!(%1)").arg(condition), qMin(left, 5000)).toBool())
            return true;
        if (!isAttached())
            return false;
        waitUntil([] { return false; }, qMin(left, 100)); // pages load and navigate meanwhile
    }
    return false;
}

QUrl DevToolsPage::url()
{
    return QUrl(evaluate(QStringLiteral("location.href")).toString());
}

QString DevToolsPage::jsString(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

QString DevToolsPage::setValue(const QString &id, const QString &value)
{
    return QStringLiteral("document.getElementById(%1).value = %2, true")
        .arg(jsString(id), jsString(value));
}

QString DevToolsPage::click(const QString &id)
{
    return QStringLiteral("document.getElementById(%1).click(), true").arg(jsString(id));
}

QString DevToolsPage::exists(const QString &id)
{
    return QStringLiteral("document.getElementById(%1) !== null").arg(jsString(id));
}

} // namespace authkit::testsupport
