import Foundation
import Hummingbird

/// Responses the routes build: pages, JSON, downloads and errors with their status.
enum HTTPReplies {
    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func json(_ object: Any, status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func json(data: Data, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func download(_ bytes: Data, type: String, fileName: String) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(fileName)\""],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func asset(_ text: String, type: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: type, .cacheControl: "max-age=300"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// `{"error": {"status": …, "message": …, "problems": […]}}`.
    static func jsonError(_ status: HTTPResponse.Status, _ message: String, problems: [WhatIfProblem] = [], headers: HTTPFields = [:]) -> Response {
        var body: [String: Any] = ["status": Int(status.code), "message": message]
        if !problems.isEmpty { body["problems"] = problems.map(problemObject) }
        var r = json(["error": body], status: status)
        r.headers.append(contentsOf: headers)
        return r
    }

    static func problemObject(_ p: WhatIfProblem) -> [String: Any] {
        ["file": p.file, "line": p.line, "column": p.column, "keyPath": p.keyPath, "message": p.message]
    }

    /// The status and message for an error of a run (busy, too long, bad text).
    static func classify(_ error: any Error) -> (status: HTTPResponse.Status, message: String, problems: [WhatIfProblem], headers: HTTPFields) {
        switch error {
        case let p as WhatIfProblem:
            return (.unprocessableContent, p.text, [p], [:])
        case let RunGateError.busy(retryAfter):
            var h = HTTPFields()
            h[.retryAfter] = "\(retryAfter)"
            return (.tooManyRequests, "the server is running as many what-ifs as it can; try again in \(retryAfter) s", [], h)
        case let RunGateError.timedOut(seconds):
            return (.serviceUnavailable, "the run took longer than \(LeverForm.format(seconds)) s and was stopped; use fewer draws or variants", [], [:])
        default:
            return (.unprocessableContent, "\(error)", [WhatIfProblem(file: "what-if.yaml", message: "\(error)")], [:])
        }
    }
}

extension Request {
    /// The body as UTF-8 text, at most `limit` bytes.
    /// - Throws: `BodyTooLarge` past the limit, `BodyNotText` for bytes that are not UTF-8.
    func text(limit: Int) async throws -> String {
        let buffer: ByteBuffer
        do {
            buffer = try await self.body.collect(upTo: limit)
        } catch {
            throw BodyTooLarge(limit: limit)
        }
        guard let s = String(bytes: buffer.readableBytesView, encoding: .utf8) else { throw BodyNotText() }
        return s
    }
}

struct BodyTooLarge: Error { let limit: Int }
struct BodyNotText: Error {}
