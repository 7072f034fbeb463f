extension ChildProcess {
    /// How a program that ran to its end ended, and what it wrote.
    package struct Outcome: Sendable {
        /// The exit status (128 + signal if killed).
        package var status: Int32
        /// Everything it wrote to standard output.
        package var output: [UInt8]
        /// Everything it wrote to standard error.
        package var errors: String
    }

    /// Runs `arguments` to its end with `input` on its standard input and collects what it writes.
    ///
    /// ```swift
    /// let outcome = try ChildProcess.run(["gpg", "--decrypt"], input: ciphertext)
    /// guard outcome.status == 0 else { … outcome.errors … }
    /// ```
    ///
    /// The input is written from a thread of its own while the output is read, so that a
    /// program that writes much before it has read all of its input cannot stall. Blocks;
    /// call it from a ``DedicatedThread`` in asynchronous code.
    ///
    /// - Throws: ``TransportError`` when the program cannot be started.
    package static func run(_ arguments: [String], input: [UInt8] = [], environment: [String: String] = [:])
        throws(TransportError) -> Outcome
    {
        let process = try ChildProcess(arguments, environment: environment)
        if input.isEmpty {
            process.closeInput()
        } else {
            DedicatedThread.start {
                // A program that stops reading early fails the write; its exit status says why.
                try? process.write(input)
                process.closeInput()
            }
        }
        let output = process.readToEnd()
        let status = process.waitForExit()
        return Outcome(status: status, output: output, errors: process.errorOutput())
    }
}
