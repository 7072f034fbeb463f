import BatouTemplates
import Synchronization

/// The template environments of the deployments in this process, one per deployment
/// directory, so that each template compiles once however many components render it.
enum DeploymentTemplates {
    private static let environments = Mutex<[String: TemplateEnvironment]>([:])

    static func environment(for baseDirectory: String) -> TemplateEnvironment {
        environments.withLock { environments in
            if let environment = environments[baseDirectory] { return environment }
            let environment = TemplateEnvironment(
                loader: DirectoryTemplateLoader(directory: baseDirectory + "/components"))
            environments[baseDirectory] = environment
            return environment
        }
    }
}
