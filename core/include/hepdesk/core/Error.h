#pragma once

#include <string>
#include <utility>
#include <variant>

namespace hepdesk {

/// A failure a person can act on: what went wrong, and where (file, field, value).
struct Error {
    /// Broad category, so callers can map errors to exit codes or dialogs.
    enum class Kind {
        InvalidInput, ///< bad user or file input: exit code 2
        NotFound,     ///< a named thing does not exist
        Io,           ///< the operating system refused a read or write
        Database,     ///< SQLite reported a failure
        Refused,      ///< a safety rule forbids the operation
        Conflict,     ///< the record changed elsewhere since it was read: reload it
        Internal,     ///< a bug: should never reach a user
    };

    Kind kind = Kind::Internal;
    std::string message;

    static Error invalid(std::string m) { return {Kind::InvalidInput, std::move(m)}; }
    static Error notFound(std::string m) { return {Kind::NotFound, std::move(m)}; }
    static Error io(std::string m) { return {Kind::Io, std::move(m)}; }
    static Error database(std::string m) { return {Kind::Database, std::move(m)}; }
    static Error refused(std::string m) { return {Kind::Refused, std::move(m)}; }
    static Error conflict(std::string m) { return {Kind::Conflict, std::move(m)}; }
    static Error internal(std::string m) { return {Kind::Internal, std::move(m)}; }
};

/// Either a value or an Error. A small stand-in for C++23 std::expected.
template <class T> class [[nodiscard]] Result {
public:
    Result(T value) : v_(std::move(value)) {}     // NOLINT(google-explicit-constructor)
    Result(Error error) : v_(std::move(error)) {} // NOLINT(google-explicit-constructor)

    [[nodiscard]] bool ok() const { return std::holds_alternative<T>(v_); }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<T>(v_); }
    const T& value() const& { return std::get<T>(v_); }
    T&& value() && { return std::get<T>(std::move(v_)); }
    T* operator->() { return &std::get<T>(v_); }
    const T* operator->() const { return &std::get<T>(v_); }
    T& operator*() & { return std::get<T>(v_); }
    const T& operator*() const& { return std::get<T>(v_); }

    [[nodiscard]] const Error& error() const { return std::get<Error>(v_); }

private:
    std::variant<T, Error> v_;
};

/// Result of an operation that yields nothing but may fail.
template <> class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : error_(std::move(error)), failed_(true) {} // NOLINT

    [[nodiscard]] bool ok() const { return !failed_; }
    explicit operator bool() const { return ok(); }
    [[nodiscard]] const Error& error() const { return error_; }

private:
    Error error_;
    bool failed_ = false;
};

using Status = Result<void>;

} // namespace hepdesk
