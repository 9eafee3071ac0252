import Foundation
import Testing

@testable import API

/// `entities.extract`: read from `config.json`, `NEWSDESK_ENTITIES` and `--entities/--no-entities`
/// (as the `entities.extract` flag key), in that order of precedence, validated like every setting.
@Suite struct EntitiesSettingTests {
    private func file(_ json: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("newsdesk-entities-\(UUID()).json")
            .path
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    private func resolve(
        file json: String? = nil, environment: [String: String] = [:], flag: Bool? = nil
    ) throws -> Bool {
        try NewsdeskConfiguration.resolve(
            configPath: json.map(file), environment: environment,
            flags: flag.map { [(key: "entities.extract", value: String($0))] } ?? []
        ).extractEntities
    }

    @Test func onByDefault() throws {
        #expect(NewsdeskConfiguration().extractEntities)
        #expect(try resolve(file: "{}"))
    }

    @Test func flagsBeatTheEnvironmentWhichBeatsTheFile() throws {
        let off = #"{"entities": {"extract": false}}"#
        #expect(try resolve(file: off) == false)
        #expect(try resolve(file: #"{"entities": {"extract": true}}"#) == true)
        #expect(try resolve(file: off, environment: ["NEWSDESK_ENTITIES": "true"]) == true)
        #expect(try resolve(file: off, environment: ["NEWSDESK_ENTITIES": "yes"], flag: false) == false)
        #expect(try resolve(environment: ["NEWSDESK_ENTITIES": "off"]) == false)
        #expect(try resolve(environment: ["NEWSDESK_ENTITIES": "0"], flag: true) == true)
    }

    @Test(arguments: [
        #"{"entities": {"extract": "no"}}"#, #"{"entities": {"extract": 0}}"#, #"{"entities": {"extract": null}}"#,
    ])
    func aNonBooleanInTheFileNamesTheKey(_ json: String) throws {
        let path = try file(json)
        #expect(throws: ConfigurationError.wrongType("entities.extract", expected: "true or false", source: path)) {
            _ = try NewsdeskConfiguration.resolve(configPath: path, environment: [:], flags: [])
        }
    }

    @Test func aNonBooleanInTheEnvironmentNamesTheVariable() {
        #expect(
            throws: ConfigurationError.wrongType(
                "entities.extract", expected: "true or false", source: "environment variable NEWSDESK_ENTITIES")
        ) {
            _ = try NewsdeskConfiguration.resolve(
                configPath: nil, environment: ["NEWSDESK_ENTITIES": "maybe"], flags: [])
        }
    }

    @Test func anUnknownKeyOfTheSectionIsRefused() throws {
        let path = try file(#"{"entities": {"extracted": false}}"#)
        #expect(throws: ConfigurationError.unknownKey("entities.extracted", source: path)) {
            _ = try NewsdeskConfiguration.resolve(configPath: path, environment: [:], flags: [])
        }
    }
}
