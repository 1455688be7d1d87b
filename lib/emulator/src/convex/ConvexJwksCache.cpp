#include "ConvexJwksCache_p.h"

#include "EmulatorLog_p.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrl>

namespace authkit::emulator {

namespace {

bool isHttp(const QUrl &url)
{
    return url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https");
}

QString fetchError(const QString &url, const QString &why)
{
    return QStringLiteral("Could not fetch JWKS from URL '%1': %2. Check that the URL is correct "
                          "and accessible.")
        .arg(url, why);
}

// data:<type>[;base64],<data>
std::optional<QByteArray> fromDataUrl(const QString &url, QString *error)
{
    const qsizetype comma = url.indexOf(QLatin1Char(','));
    if (comma < 0) {
        *error = QStringLiteral("Invalid JWKS data URL. Expected data:<type>[;base64],<data>.");
        return std::nullopt;
    }
    const QString meta = url.mid(5, comma - 5);
    const QByteArray data = QByteArray::fromPercentEncoding(url.mid(comma + 1).toUtf8());
    return meta.endsWith(QLatin1String(";base64")) ? QByteArray::fromBase64(data) : data;
}

} // namespace

ConvexJwksCache::ConvexJwksCache(QObject *parent)
    : QObject(parent)
{
    m_network.setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
}

std::optional<QByteArray> ConvexJwksCache::cached(const QString &url, QString *error) const
{
    if (url.startsWith(QLatin1String("data:")))
        return fromDataUrl(url, error);
    const QUrl parsed(url);
    if (parsed.isLocalFile()) {
        QFile file(parsed.toLocalFile());
        if (file.open(QIODevice::ReadOnly))
            return file.read(kMaxDocumentBytes);
        *error = fetchError(url, file.errorString());
        return std::nullopt;
    }
    if (!isHttp(parsed)) {
        *error = fetchError(url, QStringLiteral("only data:, file:, http: and https: URLs are "
                                                "read"));
        return std::nullopt;
    }
    const auto entry = m_entries.constFind(url);
    if (entry == m_entries.constEnd()) {
        *error = fetchError(url, QStringLiteral("not fetched yet"));
        return std::nullopt;
    }
    if (!entry->document)
        *error = entry->error;
    return entry->document;
}

bool ConvexJwksCache::hasKid(const QByteArray &document, const QString &kid)
{
    const QJsonArray keys = QJsonDocument::fromJson(document).object().value(
        QStringLiteral("keys")).toArray();
    for (const QJsonValue &key : keys) {
        if (key.toObject().value(QStringLiteral("kid")).toString() == kid)
            return true;
    }
    return false;
}

void ConvexJwksCache::ensure(const QString &url, const QString &kid, std::function<void()> done)
{
    if (!isHttp(QUrl(url))) {
        done();
        return;
    }
    Entry &entry = m_entries[url];
    if (entry.fetching) {
        entry.waiters.append(std::move(done));
        return;
    }
    const bool known = entry.document && hasKid(*entry.document, kid);
    const bool due = !entry.lastAttempt.isValid() || entry.lastAttempt.hasExpired(m_cooldownMs);
    if (known || !due) {
        done();
        return;
    }
    entry.waiters.append(std::move(done));
    fetch(url);
}

void ConvexJwksCache::fetch(const QString &url)
{
    Entry &entry = m_entries[url];
    entry.fetching = true;
    entry.lastAttempt.start();
    QNetworkRequest request{QUrl(url)};
    request.setTransferTimeout(kFetchTimeoutMs);
    request.setRawHeader("Accept", "application/json");
    QNetworkReply *reply = m_network.get(request);
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > kMaxDocumentBytes)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, url, reply] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() == QNetworkReply::OperationCanceledError) {
            finish(url, std::nullopt, fetchError(url, QStringLiteral("the key set is too large")));
        } else if (status != 0 && status != 200) {
            finish(url, std::nullopt,
                   fetchError(url, QStringLiteral("HTTP %1 %2")
                                       .arg(status)
                                       .arg(reply->attribute(
                                                     QNetworkRequest::HttpReasonPhraseAttribute)
                                                .toString())));
        } else if (reply->error() != QNetworkReply::NoError) {
            finish(url, std::nullopt, fetchError(url, reply->errorString()));
        } else {
            finish(url, reply->readAll(), QString());
        }
    });
}

void ConvexJwksCache::finish(const QString &url, std::optional<QByteArray> document,
                             const QString &error)
{
    Entry &entry = m_entries[url];
    entry.fetching = false;
    if (document) {
        entry.document = std::move(document);
        entry.error.clear();
    } else if (!entry.document) {
        // A key set fetched before stays trusted; only a URL never read fails every token.
        entry.error = error;
    }
    if (!error.isEmpty())
        qCWarning(lcEmulator).noquote() << "convex:" << error;
    const QList<std::function<void()>> waiters = std::exchange(entry.waiters, {});
    for (const std::function<void()> &waiter : waiters)
        waiter();
}

} // namespace authkit::emulator
