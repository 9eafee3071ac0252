import Foundation
import Server

/// Every setting of a running Newsdesk. Values come, lowest precedence first, from the defaults
/// here, `config.json`, `NEWSDESK_*` environment variables, then command-line flags; `Setting.all`
/// is the one table that names each key, its variable, its type and its help.
public struct NewsdeskConfiguration: Sendable {
    public var server = ServerConfiguration()
    /// Folders or files to load; empty means the sample corpus bundled with the package.
    public var dataPaths: [String] = []
    public var corsOrigins: [String] = []
    /// zlib level of gzip responses, 1 (fastest) to 9 (smallest); 0 turns compression off.
    public var compressionLevel = 1
    /// Bodies smaller than this are sent uncompressed.
    public var compressionMinimumBytes = 1024
    public var logFormat: LogFormat = .text
    public var accessLog = true
    /// The bearer token of `POST /v1/admin/reload`; empty turns the admin endpoints off.
    public var adminToken = ""
    /// Whether entities are extracted at load; false serves articles and search without them.
    public var extractEntities = true

    public init() {}

    public enum LogFormat: String, Sendable, CaseIterable {
        case text, json
    }

    /// Resolves the configuration from its sources.
    /// - Parameters:
    ///   - configPath: an explicit `--config`; when nil, `./config.json` is read if it exists.
    ///   - environment: the process environment (passed in so tests control it).
    ///   - flags: values given on the command line, by setting key, as typed.
    public static func resolve(
        configPath: String?, environment: [String: String], flags: [(key: String, value: String)]
    ) throws(ConfigurationError) -> NewsdeskConfiguration {
        var configuration = NewsdeskConfiguration()
        let path =
            configPath ?? environment["NEWSDESK_CONFIG"]
            ?? (FileManager.default.fileExists(atPath: "config.json") ? "config.json" : nil)
        if let path {
            try configuration.apply(fileAt: path)
        }
        for setting in Setting.all {
            guard let variable = setting.environment, let text = environment[variable] else { continue }
            try setting.apply(.text(text), to: &configuration, source: "environment variable \(variable)")
        }
        for (key, text) in flags {
            guard let setting = Setting.all.first(where: { $0.key == key }) else {
                throw .unknownKey(key, source: "command line")
            }
            try setting.apply(.text(text), to: &configuration, source: "flag for \(key)")
        }
        return configuration
    }

    /// Reads a `config.json`: an object of sections, each an object of settings. Any key the table
    /// does not know, and any value of the wrong type, stops with the key's full name.
    mutating func apply(fileAt path: String) throws(ConfigurationError) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path, reason: error.localizedDescription)
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw .invalidJSON(
                path, reason: (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)")
        }
        guard let root = object as? [String: Any] else {
            throw .invalidJSON(path, reason: "the top level must be an object of sections")
        }
        for (section, value) in root.sorted(by: { $0.key < $1.key }) {
            if section == "$schema" || section.hasPrefix("_") { continue }
            guard Setting.sections.contains(section) else { throw .unknownKey(section, source: path) }
            guard let entries = value as? [String: Any] else {
                throw .wrongType(section, expected: "an object of settings", source: path)
            }
            for (name, value) in entries.sorted(by: { $0.key < $1.key }) {
                let key = "\(section).\(name)"
                guard let setting = Setting.all.first(where: { $0.key == key }) else {
                    throw .unknownKey(key, source: path)
                }
                try setting.apply(.json(value), to: &self, source: path)
            }
        }
    }
}

/// Why a configuration could not be resolved; start-up stops with `description`.
public enum ConfigurationError: Error, CustomStringConvertible, Equatable {
    case unreadable(String, reason: String)
    case invalidJSON(String, reason: String)
    case unknownKey(String, source: String)
    case wrongType(String, expected: String, source: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "cannot read configuration file \(path): \(reason)"
        case .invalidJSON(let path, let reason): "configuration file \(path) is not valid JSON: \(reason)"
        case .unknownKey(let key, let source): "unknown configuration key \"\(key)\" in \(source)"
        case .wrongType(let key, let expected, let source):
            "configuration key \"\(key)\" in \(source): expected \(expected)"
        }
    }
}
