import BatouTemplates
import Testing

@Suite struct TemplateErrorTests {
    @Test func saysWhereAndWhat() {
        let error = TemplateError(kind: .undefined, template: "web/nginx.conf", line: 12, message: "'port' is undefined.")
        #expect(error.description == "web/nginx.conf:12: 'port' is undefined.")
    }
}
