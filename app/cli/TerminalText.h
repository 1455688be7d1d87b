#pragma once

#include <QString>

// Text from outside (names, e-mail addresses, organization names, server error messages) made
// safe to print on a terminal: control characters (C0 and C1, so no ANSI escape sequences and
// no line breaks that could fake another line), DEL, and the bidirectional overrides that can
// make text read differently from what it is, are each replaced by U+FFFD.
namespace TerminalText {
QString sanitize(const QString &text);
}
