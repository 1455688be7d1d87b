#pragma once

#include "EmulatorState_p.h"
#include "HttpMessage_p.h"

namespace authkit::emulator {

// GET /events, WorkOS's Events API (docs/workos-authkit.md#events): the emulator's events in
// order, filtered by type, paged with the "after" cursor. A server-side API: it needs one of the
// emulator's API keys (--api-key) as a Bearer token.
class EventsApi
{
public:
    static constexpr int kDefaultLimit = 10;
    static constexpr int kMaxLimit = 100;

    explicit EventsApi(EmulatorState &state)
        : m_state(state)
    {
    }

    HttpResponse list(const HttpRequest &request);

private:
    EmulatorState &m_state;
};

} // namespace authkit::emulator
