import ArgumentParser

struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor", abstract: "Show which BLAS/LAPACK library is loaded and its thread count.")
    func run() throws { print("doctor: not yet") }
}
