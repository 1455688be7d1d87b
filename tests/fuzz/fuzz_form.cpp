// The emulator's application/x-www-form-urlencoded and query-string decoding (HttpRequest's
// formFields, formField, query, hasQuery), and its cookie and media-type readers, on any bytes.
// The input is used as the body, as the query of the request target, and as a Cookie and
// Content-Type header.
#include "FuzzSupport.h"

#include "HttpMessage_p.h"

using authkit::emulator::HttpRequest;
using authkit::fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const QByteArray input = authkit::fuzz::bytes(data, size);

    HttpRequest request;
    request.method = "POST";
    request.url =
        QUrl::fromEncoded("http://127.0.0.1/user_management/authenticate?" + input.left(8192));
    request.body = input;
    request.headers = {{"Content-Type", input.left(256)}, {"Cookie", input}};

    const QHash<QString, QString> fields = request.formFields();
    for (auto it = fields.cbegin(); it != fields.cend(); ++it)
        (void)request.formField(it.key());
    if (request.url.isValid()) {
        for (const QString &name :
             {QStringLiteral("code"), QStringLiteral("state"), QStringLiteral("redirect_uri")}) {
            if (!request.query(name).isEmpty())
                check(request.hasQuery(name), "a query value has its name");
        }
    }
    for (const QString &name : {QStringLiteral("authkit_emulator_session"), QStringLiteral("a")})
        (void)request.cookie(name);
    const QByteArray type = request.mediaType();
    check(type == type.trimmed().toLower() && !type.contains(';'), "a media type is bare");
    return 0;
}
