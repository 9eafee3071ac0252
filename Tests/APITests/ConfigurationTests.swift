import Foundation
import Testing

@testable import API

@Suite struct ConfigurationTests {
    private func file(_ json: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("newsdesk-config-\(UUID()).json").path
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func precedenceIsFlagsThenEnvironmentThenFileThenDefaults() throws {
        let path = try file(
            #"{"server": {"port": 9000, "host": "0.0.0.0", "threads": 3}, "limits": {"maxBodyBytes": 10}}"#)
        let configuration = try NewsdeskConfiguration.resolve(
            configPath: path, environment: ["NEWSDESK_PORT": "9100", "NEWSDESK_THREADS": "2"],
            flags: [(key: "server.port", value: "9200")])
        #expect(configuration.server.port == 9200)
        #expect(configuration.server.threads == 2)
        #expect(configuration.server.host == "0.0.0.0")
        #expect(configuration.server.limits.maxBodyBytes == 10)
        #expect(configuration.server.limits.maxHeaderCount == 100)
    }

    @Test(arguments: [
        (#"{"server": {"prot": 80}}"#, ConfigurationError.unknownKey("server.prot", source: "")),
        (#"{"sever": {}}"#, .unknownKey("sever", source: "")),
        (
            #"{"server": {"port": "eighty"}}"#,
            .wrongType("server.port", expected: "an integer from 0 to 65535", source: "")
        ),
        (#"{"server": {"port": true}}"#, .wrongType("server.port", expected: "an integer from 0 to 65535", source: "")),
        (
            #"{"server": {"port": 70000}}"#,
            .wrongType("server.port", expected: "an integer from 0 to 65535", source: "")
        ),
        (#"{"data": {"paths": "corpus"}}"#, .wrongType("data.paths", expected: "an array of strings", source: "")),
        (#"{"log": {"format": "xml"}}"#, .wrongType("log.format", expected: #"one of "text", "json""#, source: "")),
        (
            #"{"timeouts": {"idleSeconds": -1}}"#,
            .wrongType("timeouts.idleSeconds", expected: "a positive number of seconds", source: "")
        ),
    ])
    func badFileNamesTheKey(_ json: String, _ expected: ConfigurationError) throws {
        let path = try file(json)
        #expect {
            _ = try NewsdeskConfiguration.resolve(configPath: path, environment: [:], flags: [])
        } throws: { error in
            guard let error = error as? ConfigurationError else { return false }
            switch (error, expected) {
            case (.unknownKey(let key, let source), .unknownKey(let wanted, _)):
                return key == wanted && source == path
            case (.wrongType(let key, let expectation, _), .wrongType(let wanted, let wantedExpectation, _)):
                return key == wanted && expectation == wantedExpectation
            default: return false
            }
        }
    }

    @Test func tlsSettingsComeFromTheFileAndTheEnvironment() throws {
        let path = try file(
            #"{"tls": {"certificate": "/c.pem", "privateKey": "/k.pem", "port": 9443, "handshakeTimeoutSeconds": 2.5}}"#
        )
        let configuration = try NewsdeskConfiguration.resolve(
            configPath: path, environment: ["NEWSDESK_TLS_PLAIN_HTTP": "redirect", "NEWSDESK_TLS_PORT": "9444"],
            flags: [])
        let tls = configuration.server.tls
        #expect(tls.certificatePath == "/c.pem" && tls.privateKeyPath == "/k.pem")
        #expect(tls.port == 9444)
        #expect(tls.plainHTTP == .redirect)
        #expect(tls.handshakeTimeoutSeconds == 2.5)
        #expect(throws: ConfigurationError.self) {
            _ = try NewsdeskConfiguration.resolve(
                configPath: nil, environment: ["NEWSDESK_TLS_PLAIN_HTTP": "sometimes"], flags: [])
        }
        #expect(NewsdeskConfiguration().server.tls.isRequested == false, "HTTPS is off by default")
    }

    @Test func badEnvironmentValueNamesTheVariable() {
        #expect(
            throws: ConfigurationError.wrongType(
                "server.port", expected: "an integer from 0 to 65535", source: "environment variable NEWSDESK_PORT")
        ) {
            _ = try NewsdeskConfiguration.resolve(configPath: nil, environment: ["NEWSDESK_PORT": "http"], flags: [])
        }
    }

    @Test func invalidJSONAndMissingFileAreReported() throws {
        let path = try file(#"{"server": "#)
        #expect { _ = try NewsdeskConfiguration.resolve(configPath: path, environment: [:], flags: []) } throws: {
            if case .invalidJSON(path, _) = $0 as? ConfigurationError { return true }
            return false
        }
        #expect {
            _ = try NewsdeskConfiguration.resolve(configPath: "/nonexistent/c.json", environment: [:], flags: [])
        } throws: {
            if case .unreadable("/nonexistent/c.json", _) = $0 as? ConfigurationError { return true }
            return false
        }
    }

    @Test func shippedConfigFileIsValidAndHoldsEveryKey() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let path = root.appendingPathComponent("config.json").path
        _ = try NewsdeskConfiguration.resolve(configPath: path, environment: [:], flags: [])
        let object =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
            as? [String: [String: Any]]
        let keys = Set((object ?? [:]).flatMap { section, entries in entries.keys.map { "\(section).\($0)" } })
        #expect(keys == Set(Setting.all.map(\.key)))
    }
}

@Suite struct ConfigurationDocsTests {
    @Test func everySettingIsDocumented() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let docs = try String(contentsOf: root.appendingPathComponent("Docs/CONFIGURATION.md"), encoding: .utf8)
        for setting in Setting.all {
            #expect(docs.contains("| `\(setting.key)` |"), "\(setting.key) is not in Docs/CONFIGURATION.md")
            if let variable = setting.environment {
                #expect(docs.contains("`\(variable)`"), "\(variable) is not in Docs/CONFIGURATION.md")
            }
        }
    }
}
