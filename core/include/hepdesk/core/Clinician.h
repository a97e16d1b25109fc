#pragma once

#include <cstdint>
#include <string>

namespace hepdesk {

/// A clinician who screens patients and signs sessions; named on handouts and in the audit log.
struct Clinician {
    std::int64_t id = 0;     ///< 0 until stored
    std::string name;        ///< full Unicode, as typed
    std::string credentials; ///< "PT, DPT", may be empty
    bool active = true;      ///< inactive clinicians stay in history but are not offered
    bool operator==(const Clinician&) const = default;
};

} // namespace hepdesk
