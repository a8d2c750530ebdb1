
/// What `kartei user lock|unlock|reset` does to a user.
public enum UserStatusChange: Sendable {
    /// Refused until unlocked.
    case lock
    /// Active again, failed attempts cleared.
    case unlock
    /// Failed attempts cleared (a user locked by them is active again).
    case resetAttempts
}
