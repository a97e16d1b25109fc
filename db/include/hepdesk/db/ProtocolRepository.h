#pragma once

#include "hepdesk/core/Error.h"
#include "hepdesk/core/Protocol.h"

#include <string_view>
#include <vector>

namespace hepdesk::db {

class Database;

/// Storage of the clinic's saved programs (protocols). Only the clinic's own: the shipped
/// ones live in templates/protocols/ and are read-only. Names are unique ignoring case.
/// Storage checks only the shape (a one-line name, at least one exercise, none twice, dosage
/// within the limits); whether the exercises exist is the visit layer's check.
class ProtocolRepository {
public:
    virtual ~ProtocolRepository() = default;
    /// Stores `protocol` (its name, exercises, dosage and notes; created/updated set here).
    /// With a name already saved: replaces it when `replace`, else Error::Kind::Refused
    /// naming the protocol.
    virtual Status save(const Protocol& protocol, bool replace) = 0;
    /// Error::Kind::NotFound naming the protocol when there is none.
    virtual Result<Protocol> get(std::string_view name) = 0;
    /// Renames; Refused when `to` is taken by another protocol, NotFound when `from` is absent.
    virtual Status rename(std::string_view from, std::string_view to) = 0;
    virtual Status remove(std::string_view name) = 0;
    /// Every saved protocol with its exercises, sorted by name (ignoring case).
    virtual Result<std::vector<Protocol>> list() = 0;
};

/// ProtocolRepository on a HepDesk SQLite database (which must outlive it).
class SqliteProtocolRepository final : public ProtocolRepository {
public:
    explicit SqliteProtocolRepository(Database& db) : db_(db) {}
    Status save(const Protocol& protocol, bool replace) override;
    Result<Protocol> get(std::string_view name) override;
    Status rename(std::string_view from, std::string_view to) override;
    Status remove(std::string_view name) override;
    Result<std::vector<Protocol>> list() override;

private:
    Database& db_;
};

/// The shape checks every ProtocolRepository applies before storing (name and program).
Status checkProtocolShape(const Protocol& protocol);

} // namespace hepdesk::db
