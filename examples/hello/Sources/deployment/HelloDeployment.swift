import Batou

@main
struct HelloDeployment: Deployment {
    static var components: [Component.Type] { [Hello.self] }
}
