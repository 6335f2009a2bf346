import Yams
public enum _ScenarioFilesPlaceholder {}
