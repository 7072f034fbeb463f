import BatouModel
import BatouTransport

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// The files components read from the deployment (everything under `components/`), shipped
/// to hosts by content: a host receives only the files it lacks or holds with other content.
enum DataFiles {
    /// The manifest of `components/` under `directory`, sorted by path.
    static func manifest(of directory: String) -> [DataFile] {
        let root = directory + "/components"
        guard let paths = try? FileManager.default.subpathsOfDirectory(atPath: root) else { return [] }
        return paths.sorted().compactMap { relative in
            var status = stat()
            let path = root + "/" + relative
            guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
                let data = FileManager.default.contents(atPath: path)
            else { return nil }
            return DataFile(path: "components/" + relative, sha256: SHA256.hex(Array(data)), mode: status.st_mode & 0o777)
        }
    }

    /// The paths of `manifest` that `directory` lacks or holds with other content or mode.
    static func missing(from manifest: [DataFile], in directory: String) -> [String] {
        let present = Set(Self.manifest(of: directory))
        return manifest.filter { !present.contains($0) }.map(\.path)
    }

    /// Writes one shipped file atomically; returns the problem if that fails.
    static func write(_ file: DataFile, base64 content: String, in directory: String) -> Problem? {
        guard !file.path.split(separator: "/").contains(".."), file.path.hasPrefix("components/"),
            let data = Data(base64Encoded: content)
        else { return Problem("The agent refused the data file '\(file.path)'.") }
        let path = directory + "/" + file.path
        do {
            try FileManager.default.createDirectory(
                atPath: Path.directory(of: path), withIntermediateDirectories: true)
            let temporary = Path.directory(of: path) + "/.\(Path.basename(path)).batou-upload"
            try data.write(to: URL(fileURLWithPath: temporary))
            chmod(temporary, mode_t(file.mode))
            guard rename(temporary, path) == 0 else {
                return Problem("Cannot place the data file \(path): \(String(cString: strerror(errno))).")
            }
            return nil
        } catch {
            return Problem("Cannot write the data file \(path): \(error)")
        }
    }
}
