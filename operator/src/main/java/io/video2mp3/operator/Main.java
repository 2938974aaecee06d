package io.video2mp3.operator;

import io.video2mp3.operator.converter.ConvertCommand;

/**
 * One jar, two programs: the operator, and (with the argument {@code convert}) the converter that
 * runs inside each conversion Job, so the Job uses the operator's image.
 */
public final class Main {

  private Main() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && "convert".equals(args[0])) {
      System.exit(ConvertCommand.run(System.getenv()));
    }
    OperatorApplication.run(System.getenv());
  }
}
