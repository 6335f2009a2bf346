public enum _ForecastEnginePlaceholder {}
