#pragma once

#include <cstdint>
#include <string>

namespace hepdesk {

/// A person seen at the clinic. Names are full Unicode, stored exactly as typed.
struct Patient {
    std::int64_t id = 0; ///< 0 until stored
    std::string name;
    std::string birthDate;    ///< "YYYY-MM-DD", may be empty
    std::string recordNumber; ///< the clinic's own chart number, may be empty
    std::string contact;      ///< phone or e-mail, free text
    bool archived = false;
};

} // namespace hepdesk
