from inspectorapp.cli import main

raise SystemExit(main())
