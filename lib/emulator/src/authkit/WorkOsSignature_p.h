#pragma once

#include <QByteArray>
#include <QString>

namespace authkit::emulator::workos {

// The WorkOS-Signature header of a webhook (docs/workos-authkit.md#webhooks):
// "t=<ms>, v1=<hex HMAC-SHA256 of '<t>.<body>' keyed with the endpoint's secret>". One place for
// the emulator's deliveries and for its Convex deployment's receiving end.
QByteArray signatureHeader(const QByteArray &body, const QByteArray &secret, qint64 timestampMs);

// True when header signs body with secret and its timestamp is within toleranceMs of nowMs;
// else false and why in *error.
bool verifySignature(const QByteArray &header, const QByteArray &body, const QByteArray &secret,
                     qint64 nowMs, qint64 toleranceMs, QString *error);

} // namespace authkit::emulator::workos
