import ActaStore
import ActaTestSupport
import Foundation
import Testing

@Suite struct SessionLockTests {
    /// The lock file says who holds it: only this pid, whatever longer text a previous holder left.
    @Test func theLockFileHoldsOnlyThisProcessPid() throws {
        let tmp = try TemporarySessions(copyBundled: false)
        defer { tmp.remove() }
        try tmp.write(".lock", "123456789012345\nleft by someone else\n")
        let lock = try SessionLock(folder: tmp.root)
        #expect(try tmp.read(".lock") == "\(getpid())\n")
        withExtendedLifetime(lock) {}
    }

    /// A second lock on the same session is refused, naming the holder's pid.
    @Test func aHeldLockIsRefusedWithTheHoldersPid() throws {
        let tmp = try TemporarySessions(copyBundled: false)
        defer { tmp.remove() }
        let first = try SessionLock(folder: tmp.root)
        #expect {
            _ = try SessionLock(folder: tmp.root)
        } throws: { error in
            guard case .held(let pid)? = error as? SessionLock.Failure else { return false }
            return pid == getpid()
        }
        withExtendedLifetime(first) {}
    }
}
