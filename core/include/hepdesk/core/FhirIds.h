#pragma once

#include "hepdesk/core/Base64.h"
#include "hepdesk/core/Error.h"

#include <string>
#include <string_view>

namespace hepdesk::fhir {

/// Where HepDesk's own FHIR definitions live (CodeSystems, canonical Questionnaires, identifier
/// systems). `.invalid` is the reserved top-level domain (RFC 2606): the URIs name, they never
/// resolve, and cannot clash with anyone's real server.
inline constexpr std::string_view kBase = "https://hepdesk.invalid/fhir";

/// A name-based UUID as "urn:uuid:...": UUID version 8 (RFC 9562 section 5.8, the SHA-256
/// name-based example of its appendix B.2): the first 16 bytes of SHA-256("hepdesk/" + name)
/// with the version nibble set to 8 and the variant bits to 10. The same name always gives
/// the same UUID, so an export needs no clock and no random numbers.
std::string nameUuid(std::string_view name);

/// Longest identifier system URI kept (bytes).
inline constexpr std::size_t kMaxSystemUriBytes = 500;

/// Refuses a record-number identifier system that is not an absolute URI (RFC 3986: a scheme
/// of a letter then letters, digits, '+', '-' or '.', a ':', then at least one character,
/// no spaces or control characters, at most kMaxSystemUriBytes): "urn:oid:1.2.3" and
/// "https://clinic.example/mrn" pass, "clinic mrn" and "mrn" do not. The message names
/// `field` and the value.
Status checkSystemUri(std::string_view uri, std::string_view field);

/// RFC 4648 base64 (with padding), the encoding of FHIR's base64Binary.
using hepdesk::base64;

} // namespace hepdesk::fhir
