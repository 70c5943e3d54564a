namespace Collaboration; internal static class Placeholder {}
