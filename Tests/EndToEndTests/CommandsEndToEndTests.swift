import Foundation
import Testing

/// The inspection subcommands, run as a user runs them.
@Suite(.timeLimit(.minutes(2)))
struct CommandsEndToEndTests {
    private func run(_ arguments: [String]) throws -> (output: String, status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ServerProcess.binaryPath)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: data, as: UTF8.self), process.terminationStatus)
    }

    private func temporaryFile(_ text: String, named name: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("newsdesk-cmd-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func entitiesPrintsPeopleAndPlacesOfAFile() throws {
        let file = try temporaryFile(
            "Prime Minister Ingrid Halvorsen met Chancellor Olaf Brandt in Berlin on Monday. Halvorsen said "
                + "Germany and Norway would work together.", named: "article.txt")
        let (output, status) = try run(["entities", file.path])
        #expect(status == 0)
        let lines = output.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("Ingrid Halvorsen") && $0.contains("person") })
        #expect(lines.contains { $0.hasPrefix("Berlin") && $0.contains("location") })
    }

    @Test func entitiesReadsAFileAsTheServerDoes() throws {
        let page = try temporaryFile(
            "Prime Minister Ingrid Halvorsen met Chancellor Olaf Brandt in Berlin on Monday. Halvorsen said "
                + "Germany and Norway would work together on energy and trade.\n\nShare on Facebook\nTweet\n"
                + "WhatsApp\nLeave A Reply\n", named: "page.txt")
        let (pageOutput, pageStatus) = try run(["entities", page.path])
        #expect(pageStatus == 0)
        #expect(pageOutput.contains("Ingrid Halvorsen"))
        #expect(!pageOutput.contains("Facebook") && !pageOutput.contains("WhatsApp"))

        let dump = try temporaryFile(
            #"{"id": "one", "title": "Halvorsen in Berlin", "body": "Ingrid Halvorsen visited Berlin."}"# + "\n"
                + #"{"id": "two", "title": "Trade", "body": "Olaf Brandt spoke in Oslo on Friday."}"# + "\n",
            named: "dump.jsonl")
        let (dumpOutput, dumpStatus) = try run(["entities", dump.path])
        #expect(dumpStatus == 0)
        #expect(dumpOutput.contains("== one: Halvorsen in Berlin"))
        #expect(dumpOutput.contains("== two: Trade"))
        #expect(dumpOutput.contains("Oslo"))
    }

    @Test func checkReportsSkippedRecordsAndExitsNonZero() throws {
        let file = try temporaryFile(#"{"id": "a", "title": "T", "body": "B"}"# + "\nnot json\n", named: "dump.jsonl")
        let (output, status) = try run(["check", file.path])
        #expect(status == 1)
        #expect(output.contains("Loaded 1 article"))
        #expect(output.contains("dump.jsonl:2"))
    }

    @Test func evalEntitiesScoresACoNLLFile() throws {
        let conll = """
            -DOCSTART- -X- -X- O

            Ingrid NNP B-NP B-PER
            Halvorsen NNP I-NP I-PER
            visited VBD B-VP O
            Berlin NNP B-NP B-LOC
            . . O O

            """
        let file = try temporaryFile(conll, named: "tiny.conll")
        let (output, status) = try run(["eval-entities", file.path])
        #expect(status == 0)
        #expect(output.contains("PER"))
        #expect(output.contains("LOC"))
    }
}
