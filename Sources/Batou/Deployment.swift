@_exported import BatouComponents
@_exported import BatouModel
@_exported import BatouTemplates
import BatouCLI

/// A deployment's entry point: name its root components, and it is the batou command line.
///
/// ```swift
/// import Batou
///
/// @main
/// struct HelloDeployment: Deployment {
///     static var components: [Component.Type] { [Hello.self] }
/// }
/// ```
///
/// `./batou deploy dev` then builds the deployment and runs it. An environment can name
/// each listed component by its type name in lower case (`hello`).
public protocol Deployment {
    /// The root components environments may assign to hosts.
    static var components: [Component.Type] { get }
}

extension Deployment {
    /// Runs the command line and exits with its status.
    public static func main() async {
        await BatouProgram(components: components).run()
    }
}
