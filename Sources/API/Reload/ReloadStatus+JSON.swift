import Foundation

extension ReloadStatus {
    /// The body of `GET /v1/admin/reload` (and of the `202` that starts one), with what is serving
    /// now so an operator sees in one answer whether the reload changed it.
    func json(serving: ServingState?) -> [UInt8] {
        var json = JSONWriter(capacity: 1024)
        json.object { json in
            json.field("id", id)
            json.field("state", state.rawValue)
            json.field("trigger", trigger?.rawValue)
            json.field("startedAt", startedAt.map(Self.timestamp))
            json.field("finishedAt", finishedAt.map(Self.timestamp))
            json.key("seconds")
            if let seconds { json.double(seconds) } else { json.null() }
            json.field("error", error)
            json.key("steps")
            json.array { json in
                for step in steps {
                    json.object { json in
                        json.field("name", step.name)
                        json.field("succeeded", step.succeeded)
                        json.field("detail", step.detail)
                    }
                }
            }
            json.field("succeeded", succeededCount)
            json.field("failed", failedCount)
            json.key("serving")
            if let serving {
                json.object { json in
                    json.field("version", serving.version)
                    json.field("loadedAt", DateBound.format(serving.snapshot.loadedAt))
                    json.field("articles", serving.snapshot.articles.count)
                    json.field("reloads", serving.reloads)
                }
            } else {
                json.null()
            }
        }
        return json.bytes
    }

    /// Milliseconds matter here: a reload often takes less than a second.
    private static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
