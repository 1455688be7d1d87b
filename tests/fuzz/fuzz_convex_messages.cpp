// The Convex sync protocol parsers on any bytes, one WebSocket frame per line: every frame goes
// to parseServerMessage (what ConvexClient does) and parseClientMessage (what the emulator's
// deployment does), and the server messages through a TransitionChunkAssembler as the client
// feeds it. A parsed message must serialize and parse back to the same type.
#include "FuzzSupport.h"

#include <authkitqt/convex/ClientMessages.h>
#include <authkitqt/convex/ServerMessages.h>
#include <authkitqt/convex/TransitionChunkAssembler.h>

namespace {

using namespace authkit::convex;

void serverFrame(QByteArrayView frame, TransitionChunkAssembler &assembler) {
    using authkit::fuzz::check;
    QString error;
    std::optional<protocol::ServerMessage> message = protocol::parseServerMessage(frame, &error);
    if (!message) {
        check(!error.isEmpty(), "a refused server message says why");
        return;
    }
    if (const auto serialized = protocol::serialize(*message)) {
        const auto again = protocol::parseServerMessage(QByteArrayView(*serialized));
        check(again && again->index() == message->index(),
              "a serialized server message parses as the same type");
    }
    if (const auto *chunk = std::get_if<protocol::TransitionChunk>(&*message)) {
        switch (assembler.addChunk(*chunk)) {
        case TransitionChunkAssembler::Status::Incomplete:
            check(assembler.isAssembling(), "an incomplete sequence is being assembled");
            break;
        case TransitionChunkAssembler::Status::Failed:
            check(!assembler.isAssembling() && !assembler.errorString().isEmpty(),
                  "a failed sequence is dropped with a reason");
            break;
        case TransitionChunkAssembler::Status::Complete:
            assembler.takeTransition();
            check(!assembler.isAssembling(), "a completed sequence ends");
            break;
        }
    } else {
        assembler.discardIfInterruptedBy(*message);
    }
}

void clientFrame(QByteArrayView frame) {
    QString error;
    const std::optional<protocol::ClientMessage> message =
        protocol::parseClientMessage(frame, &error);
    if (!message) {
        authkit::fuzz::check(!error.isEmpty(), "a refused client message says why");
        return;
    }
    if (const auto serialized = protocol::serialize(*message)) {
        const auto again = protocol::parseClientMessage(QByteArrayView(*serialized));
        authkit::fuzz::check(again && again->index() == message->index(),
                             "a serialized client message parses as the same type");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const QByteArray input = authkit::fuzz::bytes(data, size);
    TransitionChunkAssembler assembler;
    assembler.setMaxBytes(64 * 1024); // the limit path, without buffering megabytes
    for (const QByteArray &frame : input.split('\n')) {
        serverFrame(frame, assembler);
        clientFrame(frame);
    }
    assembler.reset();
    return 0;
}
